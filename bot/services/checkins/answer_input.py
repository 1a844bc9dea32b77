"""Checking an answer before anything is stored, and merging a reply or a button into an earlier one."""

from collections.abc import Collection
from dataclasses import replace

from bot.domain.checkins.spec import CONFIDENCE_RANGE
from bot.services.checkins.refusals import BadConfidence, FollowUpNeedsDescription, UnknownObjective
from bot.services.checkins.views import AnswerInput, AnswerSource

MAX_TEXT = 3000  # a modal's multiline input allows 3000 characters


def checked(answer: AnswerInput, objective_ids: Collection[int]) -> AnswerInput:
    """The answer with texts trimmed (blank → None); refuses what cannot be stored."""
    if answer.confidence is not None and answer.confidence not in CONFIDENCE_RANGE:
        raise BadConfidence(answer.confidence, field="confidence")
    for objective_id in answer.numbers:
        if objective_id not in objective_ids:
            raise UnknownObjective(objective_id, field=f"objective.{objective_id}")
    description = _text(answer.follow_up_description)
    if answer.follow_up and description is None:
        raise FollowUpNeedsDescription(field="follow_up")
    return replace(
        answer,
        numbers=dict(answer.numbers),
        expectations=_text(answer.expectations),
        obstacles=_text(answer.obstacles),
        follow_up_description=description if answer.follow_up else None,
    )


def merged(earlier: AnswerInput | None, given: AnswerInput, source: AnswerSource) -> AnswerInput:
    """A form replaces the answer. A reply or a button adds to it: given numbers and fields win,
    the rest stays, and a second reply's text is appended to the first (a thread of replies)."""
    if earlier is None or source == AnswerSource.FORM:
        return given
    return AnswerInput(
        numbers={**earlier.numbers, **given.numbers},
        confidence=given.confidence if given.confidence is not None else earlier.confidence,
        expectations=_joined(earlier.expectations, given.expectations),
        obstacles=_joined(earlier.obstacles, given.obstacles),
        category=given.category or earlier.category,
        follow_up=given.follow_up or earlier.follow_up,
        follow_up_description=given.follow_up_description or earlier.follow_up_description,
    )


def _joined(earlier: str | None, given: str | None) -> str | None:
    if not earlier or not given:
        return given or earlier
    return _text(f"{earlier}\n{given}")


def _text(text: str | None) -> str | None:
    stripped = (text or "").strip()
    return stripped[:MAX_TEXT].rstrip() or None
