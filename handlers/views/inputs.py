"""Input blocks and elements for our modals: one action id (ActionId.INPUT), text cut to fit."""

import math
from datetime import date
from decimal import Decimal

from slack_sdk.models.blocks import (
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.blocks.block_elements import InputInteractiveElement

from bot.domain import limits
from handlers.ids import ActionId
from handlers.views import limits as slack_limits
from handlers.views.format import truncate

# The same limits the services enforce, so a form Slack accepts is never refused afterwards.
TITLE_MAX = limits.GOAL_TITLE
WHY_MAX = limits.WHY
METRIC_MAX = limits.METRIC
UNIT_MAX = limits.UNIT
STRATEGY_TITLE_MAX = limits.STRATEGY_TITLE
TACTIC_TITLE_MAX = limits.TACTIC_TITLE
DATE_MAX = 60
DATE_PLACEHOLDER = "2027-03-31, end of June, Q2…"
DATE_HINT = 'A date or a phrase: "2027-03-31", "end of June", "June 30", "end of Q2", "in 6 weeks".'


def input_block(
    block_id: str,
    label: str,
    element: InputInteractiveElement,
    *,
    optional: bool = False,
    hint: str | None = None,
) -> InputBlock:
    return InputBlock(
        block_id=str(block_id),
        label=PlainTextObject(text=truncate(label, slack_limits.INPUT_LABEL), emoji=True),
        element=element,
        optional=optional,
        hint=PlainTextObject(text=truncate(hint, slack_limits.INPUT_HINT), emoji=True) if hint else None,
    )


def text_input(
    max_length: int, placeholder: str, initial: str | None = None, *, multiline: bool = False
) -> PlainTextInputElement:
    return PlainTextInputElement(
        action_id=str(ActionId.INPUT),
        max_length=max_length,
        multiline=multiline or None,
        placeholder=truncate(placeholder, slack_limits.PLACEHOLDER),
        # Slack refuses an initial value longer than the input's max_length.
        initial_value=truncate(initial, max_length) if initial else None,
    )


def number_input(initial: float | None = None) -> NumberInputElement:
    return NumberInputElement(
        action_id=str(ActionId.INPUT), is_decimal_allowed=True, initial_value=plain_number(initial)
    )


def date_input(initial: date | None, placeholder: str = "Pick a date") -> DatePickerElement:
    return DatePickerElement(
        action_id=str(ActionId.INPUT),
        placeholder=placeholder,
        initial_date=initial.isoformat() if initial else None,
    )


def due_date_input(initial: date | None, placeholder: str = DATE_PLACEHOLDER) -> PlainTextInputElement:
    """Typed, not picked: it takes what the command line takes ("end of June", "Q2", "2027-03-31")."""
    return text_input(DATE_MAX, placeholder, initial.isoformat() if initial else None)


def plain_number(value: float | None) -> str | None:
    """What a number input accepts: "1200", "78.5", never "1,200" or "1e+20"."""
    if value is None or not math.isfinite(value):
        return None
    return format(Decimal(repr(value)).normalize(), "f")
