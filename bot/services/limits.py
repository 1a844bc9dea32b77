"""Refusing text that is too long and due dates too far away, before anything is stored."""

from datetime import date

from bot.domain import limits
from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.numbers import MAX_MEASUREMENT, is_storable
from bot.services.errors import DueTooFar, MeasurementOutOfRange, TextTooLong


def check_text(field: str, text: str | None, limit: int) -> None:
    found = limits.overlong(field, text, limit)
    if found is not None:
        raise TextTooLong(limit=found.limit, length=found.length, field=found.field)


def check_draft_text(draft: GoalDraft) -> None:
    """Raises TextTooLong for the first field of the draft that would not fit."""
    for found in limits.overlong_in_draft(draft):
        raise TextTooLong(limit=found.limit, length=found.length, field=found.field)
    for index, row in enumerate(draft.objectives):
        check_objective_numbers(row, index)


def check_objective_text(row: ObjectiveDraft, index: int = 0) -> None:
    check_text(f"objective.{index}.metric", row.metric, limits.METRIC)
    check_text(f"objective.{index}.unit", row.unit, limits.UNIT)
    check_objective_numbers(row, index)


def check_objective_numbers(row: ObjectiveDraft, index: int = 0) -> None:
    """A baseline or target obeys the limit every measurement obeys (`/goals update` refuses past it)."""
    for name, value in (("baseline", row.baseline), ("target", row.target)):
        if value is not None and not is_storable(value):
            raise MeasurementOutOfRange(value=value, limit=MAX_MEASUREMENT, field=f"objective.{index}.{name}")


def check_due(due: date, *, today: date, field: str = "due_date") -> None:
    latest = limits.latest_due(today)
    if due > latest:
        raise DueTooFar(due=due, latest=latest, field=field)
