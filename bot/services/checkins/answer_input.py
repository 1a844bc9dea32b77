"""Checking an answer before anything is stored, and merging a reply or a button into an earlier one."""

from collections.abc import Collection
from dataclasses import replace

from bot.domain.checkins.spec import CONFIDENCE_RANGE
from bot.domain.numbers import MAX_MEASUREMENT, is_storable
from bot.services.checkins.refusals import BadConfidence, FollowUpNeedsDescription, UnknownObjective
from bot.services.checkins.views import AnswerInput, AnswerSource
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
    description = _text(answer.follow_up_description, "follow_up")
    if answer.follow_up and description is None:
        raise FollowUpNeedsDescription(field="follow_up")
    return replace(
        answer,
        numbers=dict(answer.numbers),
        expectations=_text(answer.expectations, "expectations"),
        obstacles=_text(answer.obstacles, "obstacles"),
        follow_up=description is not None,
        follow_up_description=description,
    )


def merged(earlier: AnswerInput | None, given: AnswerInput, source: AnswerSource) -> AnswerInput:
    """A form replaces the answer. A reply or a button adds to it: given numbers and fields win,
    the rest stays, and a second reply's text is appended to the first (a thread of replies)."""
    if earlier is None or source == AnswerSource.FORM:
        return given
    return AnswerInput(
        numbers={**earlier.numbers, **given.numbers},
        confidence=given.confidence if given.confidence is not None else earlier.confidence,
        expectations=_joined(earlier.expectations, given.expectations, "expectations"),
        obstacles=_joined(earlier.obstacles, given.obstacles, "obstacles"),
        category=given.category or earlier.category,
        follow_up=given.follow_up or earlier.follow_up,
        follow_up_description=given.follow_up_description or earlier.follow_up_description,
    )


def _joined(earlier: str | None, given: str | None, field: str) -> str | None:
    if not earlier or not given:
        return given or earlier
    return _text(f"{earlier}\n{given}", field)


def _text(text: str | None, field: str) -> str | None:
    stripped = (text or "").strip()
    if len(stripped) > MAX_TEXT:
        raise TextTooLong(MAX_TEXT, len(stripped), field=field)
    return stripped or None
