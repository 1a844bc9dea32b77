"""Defensive reading of a submitted view's `state.values`.

Slack sends `{block_id: {action_id: {"type": ..., "value" | "selected_option" | "selected_date" ...}}}`.
Anything of another shape is treated as a blank field, so a reader never raises; only text that
a person typed and we cannot understand (a baseline of "abc") becomes an error for its block.
"""

import math
import re
from collections.abc import Mapping
from datetime import date

from bot.domain.dates import parse_due
from bot.domain.numbers import parse_number
from handlers.ids import ActionId
from handlers.views import limits
from handlers.views.format import truncate

NOT_A_NUMBER = "Enter a number, e.g. 78"
NOT_A_DATE = "Pick a date from the calendar, e.g. 2027-03-31"
NOT_A_DATE_PHRASE = 'Write a date such as 2027-03-31, "end of June", "June 30" or "Q2"'

_Day = date  # FormReader.date shadows the type inside the class body

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class FormReader:
    def __init__(self, values: object, *, today: date | None = None):
        """`today` lets typed date fields take the command line's phrases ("end of June", "Q2")."""
        self._values = values if isinstance(values, Mapping) else {}
        self._today = today
        # Errors by block id, in the shape `ack(response_action="errors", errors=...)` wants.
        self.errors: dict[str, str] = {}

    def fail(self, block_id: str, message: str) -> None:
        """Keep the first problem found for a block: it is the one to fix first."""
        self.errors.setdefault(str(block_id), truncate(message, limits.ERROR_TEXT))

    def text(self, block_id: str) -> str | None:
        """Stripped text, or None for a blank field."""
        raw = self._field(block_id, "value")
        return (raw.strip() or None) if isinstance(raw, str) else None

    def option(self, block_id: str) -> str | None:
        selected = self._field(block_id, "selected_option")
        value = selected.get("value") if isinstance(selected, Mapping) else None
        return value if isinstance(value, str) and value else None

    def user(self, block_id: str) -> str | None:
        raw = self._field(block_id, "selected_user")
        return raw if isinstance(raw, str) and raw else None

    def date(self, block_id: str) -> date | None:
        """A date picker's YYYY-MM-DD, or a typed date in any phrase `parse_due` knows."""
        picked = self._field(block_id, "selected_date")
        if isinstance(picked, str) and picked.strip():
            day = _parse_iso_date(picked.strip())
            if day is None:
                self.fail(block_id, NOT_A_DATE)
            return day
        typed = self._field(block_id, "value")
        if not isinstance(typed, str) or not typed.strip():
            return None
        if self._today is not None:
            day = parse_due(typed[:200], self._today)
        else:
            day = _parse_iso_date(typed.strip())
        if day is None:
            self.fail(block_id, NOT_A_DATE_PHRASE)
        return day

    def future_date(self, block_id: str) -> "_Day | None":
        """Like `date`, but a day before today is refused as passed (when today is known)."""
        day = self.date(block_id)
        if day is not None and self._today is not None and day < self._today:
            self.fail(
                block_id, f"That date has passed (today is {self._today.isoformat()}). Pick a later one."
            )
        return day

    def number(self, block_id: str) -> float | None:
        raw = self._field(block_id, "value")
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int | float):
            value: float | None = _finite(raw)
        elif isinstance(raw, str) and raw.strip():
            value = parse_number(raw.strip())
        else:
            return None
        if value is None:
            self.fail(block_id, NOT_A_NUMBER)
        return value

    def filled(self, block_id: str) -> bool:
        """Whether a person put anything at all into the field, readable or not."""
        action = self._action(block_id)
        if action is None:
            return False
        for key in ("value", "selected_date", "selected_user"):
            raw = action.get(key)
            if isinstance(raw, str) and raw.strip():
                return True
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                return True
        return self.option(block_id) is not None

    def _field(self, block_id: str, key: str) -> object:
        action = self._action(block_id)
        return None if action is None else action.get(key)

    def _action(self, block_id: str) -> Mapping | None:
        block = self._values.get(str(block_id))
        if not isinstance(block, Mapping):
            return None
        action = block.get(str(ActionId.INPUT))
        if isinstance(action, Mapping):
            return action
        # An element we did not build (older view, other action id): take what is there.
        return next((value for value in block.values() if isinstance(value, Mapping)), None)


def _parse_iso_date(text: str) -> date | None:
    # date.fromisoformat also takes "20270331" and week dates; Slack only ever sends YYYY-MM-DD.
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # "2027-02-30"
        return None


def _finite(raw: int | float) -> float | None:
    try:
        value = float(raw)
    except OverflowError:  # an int of hundreds of digits
        return None
    return value if math.isfinite(value) else None
