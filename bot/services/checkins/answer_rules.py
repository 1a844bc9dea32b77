"""The rules the answer form (answerable.py) and the recording (answers.py) share, so they never
disagree: the period an answer goes to now, the person's zone, the answer row an edit goes to
(a named one by person and day; an anonymous one only by the random id of the person's own Edit
button), and an answer as stored. Each reads within the caller's transaction.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import Period, answerable_period
from bot.services.checkins.audience import person_of
from bot.services.checkins.read_models import AnswerInput
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, NoSchedule
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, Answer, AnswerNumber
from models.checkins import Schedule
from models.followups import FollowUp


def open_period(
    session: Session,
    team_id: str,
    user_id: str,
    channel_id: str,
    now: datetime,
    default_tz: str,
    for_date: date | None,
) -> tuple[Schedule, ZoneInfo, Period]:
    """The channel's schedule, the person's zone and the period an answer now goes to (refused when
    there is none: `for_date` is a prompt's own day, and an old prompt never answers a newer period)."""
    schedule = find_schedule(session, team_id, channel_id)
    if schedule is None or not schedule.active:
        raise NoSchedule(channel_id)
    tz = person_zone(session, team_id, user_id, default_tz)
    period = answerable_period(spec_of(schedule), tz, now, for_date)
    if period is None:
        raise NoOpenCheckin(channel_id)
    return schedule, tz, period


def person_zone(session: Session, team_id: str, user_id: str, default_tz: str) -> ZoneInfo:
    person = person_of(session, team_id, user_id)
    return zone(person.tz if person and person.tz else default_tz, default_tz)


def named_answer(session: Session, schedule: Schedule, user_id: str, local_date: date) -> Answer | None:
    return session.scalar(
        select(Answer).where(
            Answer.team_id == schedule.team_id,
            Answer.schedule_id == schedule.id,
            Answer.user_id == user_id,
            Answer.local_date == local_date,
        )
    )


def anonymous_answer_to_edit(
    session: Session, schedule: Schedule, local_date: date, answered: bool, answer_id: str | None
) -> AnonymousAnswer | None:
    """The anonymous answer that `answer_id` (the person's own Edit button) names; None for a first
    answer. Nothing links the answer to its author, so an answered prompt without the id is
    `AlreadyAnswered`, and an id not of this period (an old Edit button) `NoOpenCheckin`."""
    if answer_id is None:
        if answered:
            raise AlreadyAnswered(schedule.channel_id)
        return None
    row = session.scalar(
        select(AnonymousAnswer).where(
            AnonymousAnswer.id == answer_id,
            AnonymousAnswer.team_id == schedule.team_id,
            AnonymousAnswer.schedule_id == schedule.id,
            AnonymousAnswer.local_date == local_date,
        )
    )
    if row is None:
        raise NoOpenCheckin(schedule.channel_id)
    return row


def follow_up_of(session: Session, row: Answer) -> FollowUp | None:
    """The follow-up a named answer flagged (an anonymous one's is held apart, with no link)."""
    query = select(FollowUp).where(FollowUp.team_id == row.team_id, FollowUp.answer_id == row.id)
    return session.scalar(query)


def as_stored(
    session: Session, row: Answer | AnonymousAnswer, follow_up: FollowUp | None = None
) -> AnswerInput:
    """The answer as stored: its texts, its numbers and, for a named one, the follow-up it flagged."""
    model = AnonymousAnswerNumber if isinstance(row, AnonymousAnswer) else AnswerNumber
    numbers = select(model.objective_id, model.value).where(model.answer_id == row.id)
    return AnswerInput(
        numbers={objective_id: value for objective_id, value in session.execute(numbers)},
        confidence=row.confidence,
        expectations=row.expectations,
        obstacles=row.obstacles,
        category=row.category,
        follow_up=follow_up is not None,
        follow_up_description=follow_up.description if follow_up is not None else None,
    )
