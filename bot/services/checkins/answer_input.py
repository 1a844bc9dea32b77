"""Checking an answer before anything is stored (answers.py records it)."""

from collections.abc import Collection
from dataclasses import replace

from bot.domain.checkins.spec import CONFIDENCE_RANGE
from bot.domain.numbers import MAX_MEASUREMENT, is_storable
from bot.services.checkins.read_models import AnswerInput
from bot.services.checkins.refusals import BadConfidence, FollowUpNeedsDescription, UnknownObjective
from bot.services.errors import MeasurementOutOfRange, TextTooLong

MAX_TEXT = 3000  # a modal's multiline input allows 3000 characters; a DM reply is held to the same


def checked(answer: AnswerInput, objective_ids: Collection[int]) -> AnswerInput:
    """The answer with texts trimmed (blank → None); refuses what cannot be stored, and text over
    `MAX_TEXT` (never cut: nothing typed is lost). A follow-up description alone flags a follow-up."""
    if answer.confidence is not None and answer.confidence not in CONFIDENCE_RANGE:
        raise BadConfidence(answer.confidence, field="confidence")
    for objective_id in answer.numbers:
        if objective_id not in objective_ids:
            raise UnknownObjective(objective_id, field=f"objective.{objective_id}")
    for objective_id, value in answer.numbers.items():
        if not is_storable(value):  # a DM reply's "O3 1e30" as much as the form's
            raise MeasurementOutOfRange(value=value, limit=MAX_MEASUREMENT, field=f"objective.{objective_id}")
    description = checked_text(answer.follow_up_description, "follow_up")
    if answer.follow_up and description is None:
        raise FollowUpNeedsDescription(field="follow_up")
    return replace(
        answer,
        numbers=dict(answer.numbers),
        expectations=checked_text(answer.expectations, "expectations"),
        obstacles=checked_text(answer.obstacles, "obstacles"),
        follow_up=description is not None,
        follow_up_description=description,
    )


def checked_text(text: str | None, field: str) -> str | None:
    """Trimmed, None when blank; refused over `MAX_TEXT`, never cut."""
    stripped = (text or "").strip()
    if len(stripped) > MAX_TEXT:
        raise TextTooLong(MAX_TEXT, len(stripped), field=field)
    return stripped or None
