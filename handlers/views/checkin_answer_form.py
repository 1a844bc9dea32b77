"""Reading a submitted check-in form into an AnswerInput; what cannot be read is an error for its block."""

from collections.abc import Mapping, Sequence

from bot.domain.checkins.enums import Category
from bot.domain.numbers import is_storable
from bot.services.checkins.read_models import AnswerInput
from handlers.ids import BlockId, checkin_objective_block_id
from handlers.views.checkin_answer_modal import FOLLOW_UP_VALUE
from handlers.views.form_reader import FormReader

TOO_LARGE = "That number is too large to record. Enter where it stands now, e.g. 82"


def read_answer_form(values: object, objective_ids: Sequence[int]) -> tuple[AnswerInput, dict[str, str]]:
    form = FormReader(values)
    numbers: dict[int, float] = {}
    for objective_id in objective_ids:
        block = checkin_objective_block_id(objective_id)
        value = form.number(block)
        if value is not None and not is_storable(value):
            form.fail(block, TOO_LARGE)
        elif value is not None:
            numbers[objective_id] = value
    confidence = form.option(BlockId.CHECKIN_CONFIDENCE)
    category = form.option(BlockId.CHECKIN_CATEGORY)
    answer = AnswerInput(
        numbers=numbers,
        confidence=int(confidence) if confidence in {"1", "2", "3", "4", "5"} else None,
        expectations=form.text(BlockId.CHECKIN_EXPECTATIONS),
        obstacles=form.text(BlockId.CHECKIN_OBSTACLES),
        category=Category(category) if category in {c.value for c in Category} else None,
        follow_up=FOLLOW_UP_VALUE in ticked(values, BlockId.CHECKIN_FOLLOW_UP),
        follow_up_description=form.text(BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION),
    )
    return answer, form.errors


def ticked(values: object, block_id: str) -> set[str]:
    """The values of a checkboxes input's ticked options (anything else: none ticked)."""
    block = values.get(str(block_id)) if isinstance(values, Mapping) else None
    if not isinstance(block, Mapping):
        return set()
    found: set[str] = set()
    for action in block.values():
        options = action.get("selected_options") if isinstance(action, Mapping) else None
        for option in options if isinstance(options, list) else []:
            if isinstance(option, Mapping) and isinstance(option.get("value"), str):
                found.add(option["value"])
    return found
