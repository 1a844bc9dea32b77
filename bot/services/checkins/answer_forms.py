"""What the check-in form shows before someone answers: which prompt a button came from, the
questions, the objectives with where they stand, and the answer given so far (to edit it).

Read-only. A prompt id is only ever resolved for the person it was sent to, so someone else's id
and an unknown one look the same (`UnknownPrompt`). An anonymous answer is found only by its random
id (from the person's own Edit button), never by person.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import Period, answerable_period, is_late
from bot.domain.checkins.spec import Questions
from bot.domain.limits import MAX_ID
from bot.services.checkins.answer_rows import (
    anonymous_row,
    answer_numbers,
    named_answer_of,
    named_row,
    stored_answer,
)
from bot.services.checkins.audience import person_of
from bot.services.checkins.home import home_checkins
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.prompt_contents import summarize_for
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, NoSchedule, UnknownPrompt
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from bot.services.checkins.views import AnswerInput, MessageRef
from bot.services.read_models import ObjectiveSummary
from models.answers import AnonymousAnswerNumber
from models.checkins import Delivery, Schedule


@dataclass(frozen=True)
class PromptRef:
    """The check-in a prompt (or its buttons) belongs to."""

    delivery_id: int
    channel_id: str
    local_date: date


@dataclass(frozen=True)
class PromptMessage:
    """A prompt and where it sits in the person's DM."""

    prompt: PromptRef
    message: MessageRef


@dataclass(frozen=True)
class AnswerForm:
    channel_id: str
    local_date: date
    anonymous: bool
    questions: Questions
    objectives: tuple[ObjectiveSummary, ...]
    answer: AnswerInput | None  # what was answered so far; None for a first answer
    late: bool  # answering now would count as late
    closes_at: datetime
    tz: str  # the person's zone name, for showing times
    delivery_id: int | None  # the prompt, when one was planned or sent
    anonymous_answer_id: str | None  # only when the caller brought it (the Edit button)


def prompt_of(sessions: sessionmaker[Session], *, team_id: str, user_id: str, delivery_id: int) -> PromptRef:
    if not 0 < delivery_id <= MAX_ID:
        raise UnknownPrompt(delivery_id)
    with sessions.begin() as session:
        row = session.execute(
            select(Delivery.id, Schedule.channel_id, Delivery.local_date)
            .join(Schedule, Schedule.id == Delivery.schedule_id)
            .where(
                Delivery.id == delivery_id,
                Delivery.team_id == team_id,
                Delivery.user_id == user_id,
                Schedule.team_id == team_id,
            )
        ).one_or_none()
        if row is None:
            raise UnknownPrompt(delivery_id)
        return PromptRef(row[0], row[1], row[2])


def answer_form(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    channel_id: str,
    now: datetime,
    default_tz: str,
    for_date: date | None = None,
    anonymous_answer_id: str | None = None,
) -> AnswerForm:
    """The form for the person's open period in `channel_id` (`for_date`: the prompt's own day,
    refused as closed when the open period is another's)."""
    with sessions.begin() as session:
        schedule, tz_name, period = _open_period(
            session, team_id, user_id, channel_id, now, default_tz, for_date
        )
        prompt = _prompt(session, schedule, user_id, period)
        if schedule.anonymous:
            answer = _anonymous_answer(session, schedule, period, prompt, anonymous_answer_id)
        else:
            answer = _named_answer(session, schedule, user_id, period)
        return AnswerForm(
            channel_id=channel_id,
            local_date=period.local_date,
            anonymous=schedule.anonymous,
            questions=spec_of(schedule).questions,
            objectives=summarize_for(session, schedule, period.local_date),
            answer=answer,
            late=is_late(period, now),
            closes_at=period.closes_at,
            tz=tz_name,
            delivery_id=prompt.id if prompt is not None else None,
            anonymous_answer_id=anonymous_answer_id if schedule.anonymous else None,
        )


def answered_prompt(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    channel_id: str,
    now: datetime,
    default_tz: str,
) -> PromptMessage | None:
    """The person's answered prompt message in the open period, whose Edit button (in their own
    DM) is the only place that knows an anonymous answer's id; None without one."""
    with sessions.begin() as session:
        schedule, _, period = _open_period(session, team_id, user_id, channel_id, now, default_tz, None)
        prompt = _prompt(session, schedule, user_id, period)
        if prompt is None or not prompt.answered or not prompt.message_channel or not prompt.message_ts:
            return None
        return PromptMessage(
            PromptRef(prompt.id, channel_id, period.local_date),
            MessageRef(prompt.message_channel, prompt.message_ts),
        )


def _open_period(
    session: Session,
    team_id: str,
    user_id: str,
    channel_id: str,
    now: datetime,
    default_tz: str,
    for_date: date | None,
) -> tuple[Schedule, str, Period]:
    """The channel's schedule, the person's zone name and their open period (refused when none)."""
    schedule = find_schedule(session, team_id, channel_id)
    if schedule is None or not schedule.active:
        raise NoSchedule(channel_id)
    person = person_of(session, team_id, user_id)
    tz_name = person.tz if person and person.tz else default_tz
    period = answerable_period(spec_of(schedule), zone(tz_name, default_tz), now, for_date)
    if period is None:
        raise NoOpenCheckin(channel_id)
    return schedule, tz_name, period


def _prompt(session: Session, schedule: Schedule, user_id: str, period: Period) -> Delivery | None:
    return session.scalar(prompt_query(schedule.id, user_id, period.local_date))


def _named_answer(session: Session, schedule: Schedule, user_id: str, period: Period) -> AnswerInput | None:
    row = named_row(session, schedule, user_id, period.local_date)
    return named_answer_of(session, row) if row is not None else None


def _anonymous_answer(
    session: Session, schedule: Schedule, period: Period, prompt: Delivery | None, answer_id: str | None
) -> AnswerInput | None:
    if answer_id is None:
        if prompt is not None and prompt.answered:
            raise AlreadyAnswered(schedule.channel_id)
        return None
    row = anonymous_row(session, schedule, answer_id, period.local_date)
    if row is None:
        raise NoOpenCheckin(schedule.channel_id)
    return stored_answer(row, answer_numbers(session, AnonymousAnswerNumber, row.id))


def channel_to_answer(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    now: datetime,
    default_tz: str,
    prefer: str | None = None,
) -> str | None:
    """The channel whose check-in is open for the person now: `prefer` (where `/checkin` was typed)
    if it has one, else the one opened most recently; None when nothing is open."""
    open_now = home_checkins(sessions, team_id=team_id, user_id=user_id, now=now, default_tz=default_tz).open
    if not open_now:
        return None
    for checkin in open_now:
        if checkin.channel_id == prefer:
            return checkin.channel_id
    return max(open_now, key=lambda c: (c.local_date, c.closes_at)).channel_id
