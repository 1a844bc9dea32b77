"""Finding and reading the rows of one person's check-in for one local date: the prompt, the named
or anonymous answer, its numbers. Shared by the form (read-only) and recording an answer.

An anonymous answer is found only by its random id, never by person.
"""

from dataclasses import replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.services.checkins.answer_store import named_follow_up
from bot.services.checkins.views import AnswerInput
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, Answer, AnswerNumber
from models.checkins import Schedule
from models.followups import FollowUp

NumberModel = type[AnswerNumber] | type[AnonymousAnswerNumber]


def named_row(session: Session, schedule: Schedule, user_id: str, local_date: date) -> Answer | None:
    return session.scalar(
        select(Answer).where(
            Answer.schedule_id == schedule.id,
            Answer.user_id == user_id,
            Answer.local_date == local_date,
        )
    )


def anonymous_row(
    session: Session, schedule: Schedule, answer_id: str, local_date: date
) -> AnonymousAnswer | None:
    return session.scalar(
        select(AnonymousAnswer).where(
            AnonymousAnswer.id == answer_id,
            AnonymousAnswer.team_id == schedule.team_id,
            AnonymousAnswer.schedule_id == schedule.id,
            AnonymousAnswer.local_date == local_date,
        )
    )


def named_answer(session: Session, row: Answer, follow_up: FollowUp | None) -> AnswerInput:
    """A named answer as stored, with the follow-up it flagged (if any)."""
    return replace(
        stored_answer(row, answer_numbers(session, AnswerNumber, row.id)),
        follow_up=follow_up is not None,
        follow_up_description=follow_up.description if follow_up is not None else None,
    )


def named_answer_of(session: Session, row: Answer) -> AnswerInput:
    return named_answer(session, row, named_follow_up(session, row.team_id, row.id))


def answer_numbers(session: Session, model: NumberModel, answer_id: object) -> dict[int, float]:
    query = select(model.objective_id, model.value).where(model.answer_id == answer_id)
    return {objective_id: value for objective_id, value in session.execute(query)}


def replace_numbers(
    session: Session, model: NumberModel, answer_id: object, team_id: str, answer: AnswerInput
) -> None:
    session.execute(delete(model).where(model.answer_id == answer_id))
    session.add_all(
        model(team_id=team_id, answer_id=answer_id, objective_id=objective_id, value=value)
        for objective_id, value in sorted(answer.numbers.items())
    )


def stored_answer(row: Answer | AnonymousAnswer, numbers: dict[int, float]) -> AnswerInput:
    return AnswerInput(
        numbers=numbers,
        confidence=row.confidence,
        expectations=row.expectations,
        obstacles=row.obstacles,
        category=row.category,
    )


def write_texts(row: Answer | AnonymousAnswer, answer: AnswerInput) -> None:
    row.confidence = answer.confidence
    row.expectations = answer.expectations
    row.obstacles = answer.obstacles
    row.category = answer.category
