"""What a person can answer, read before anything is recorded: which prompt a button came from,
which channel's check-in is open for them (a DM reply; `/checkin`), the form with the answer given
so far, and the rules that pick the period and the answer an edit goes to. answers.py records
through the same rules (`open_period`, `anonymous_answer_to_edit`), so the form and the recording
never disagree.

Read-only; what it returns is defined in read_models.py. A prompt id is only ever resolved for
the person it was sent to, so someone else's id and an unknown one look the same (`UnknownPrompt`).
An anonymous answer is found only by its random id (from the person's own Edit button), never by
person.
"""

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import Period, answerable_period, is_late, period_for, todays_period
from bot.domain.checkins.spec import ScheduleSpec
from bot.domain.limits import MAX_ID
from bot.services.checkins.audience import person_of, schedules_asking
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.prompt_contents import summarize_for
from bot.services.checkins.read_models import (
    AnswerForm,
    AnswerInput,
    CheckinToAnswer,
    MessageRef,
    PromptMessage,
    PromptRef,
)
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, NoSchedule, UnknownPrompt
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, Answer, AnswerNumber
from models.checkins import Delivery, Schedule
from models.followups import FollowUp


def prompt_of(sessions: sessionmaker[Session], *, team_id: str, user_id: str, delivery_id: int) -> PromptRef:
    """The check-in of a pressed button's prompt, only for the person it was sent to."""
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


def channel_to_answer(
    sessions: sessionmaker[Session], *, team_id: str, user_id: str, now: datetime, default_tz: str
) -> str | None:
    """The channel whose period is open for the person now, where a DM reply goes (the one opened
    most recently); None when nothing is open."""
    found = _open_checkin(sessions, team_id, user_id, now, default_tz, period_for)
    return found.channel_id if found is not None else None


def checkin_to_open(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    now: datetime,
    default_tz: str,
    prefer: str | None = None,
) -> CheckinToAnswer | None:
    """What `/checkin` opens: today's check-in, also before its prompt time and while away (a shift
    that starts at 07:00 answers the 09:00 check-in then; its prompt is then not sent), in `prefer`
    (where it was typed) if that channel asks the person, else the latest of the others'; None when
    none has one today or open now."""
    return _open_checkin(sessions, team_id, user_id, now, default_tz, todays_period, prefer)


def _open_checkin(
    sessions: sessionmaker[Session],
    team_id: str,
    user_id: str,
    now: datetime,
    default_tz: str,
    period_at: Callable[[ScheduleSpec, ZoneInfo, datetime], Period | None],
    prefer: str | None = None,
) -> CheckinToAnswer | None:
    """Of the channels asking the person, with a period by `period_at`: `prefer`'s check-in, else
    the one opened most recently."""
    with sessions.begin() as session:
        tz = person_zone(session, team_id, user_id, default_tz)
        found = []
        for schedule in schedules_asking(session, team_id, user_id):
            period = period_at(spec_of(schedule), tz, now)
            if period is not None:
                found.append((schedule.channel_id, period))
    if not found:
        return None
    channel_id, period = next(
        (f for f in found if f[0] == prefer), max(found, key=lambda f: (f[1].local_date, f[1].opens_at))
    )
    return CheckinToAnswer(channel_id, period.local_date)


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
        schedule, tz, period = open_period(session, team_id, user_id, channel_id, now, default_tz, for_date)
        prompt = session.scalar(prompt_query(schedule.id, user_id, period.local_date))
        answered = prompt is not None and prompt.answered
        so_far = None
        if schedule.anonymous:
            row = anonymous_answer_to_edit(
                session, schedule, period.local_date, answered, anonymous_answer_id
            )
            so_far = as_stored(session, row) if row is not None else None
        elif (named := named_answer(session, schedule, user_id, period.local_date)) is not None:
            so_far = as_stored(session, named, follow_up_of(session, named))
        return AnswerForm(
            channel_id=channel_id,
            local_date=period.local_date,
            anonymous=schedule.anonymous,
            questions=spec_of(schedule).questions,
            objectives=summarize_for(session, schedule, period.local_date),
            answer=so_far,
            late=is_late(period, now),
            closes_at=period.closes_at,
            tz=tz.key,
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
        schedule, _, period = open_period(session, team_id, user_id, channel_id, now, default_tz, None)
        prompt = session.scalar(prompt_query(schedule.id, user_id, period.local_date))
        if prompt is None or not prompt.answered or not prompt.message_channel or not prompt.message_ts:
            return None
        return PromptMessage(
            PromptRef(prompt.id, channel_id, period.local_date),
            MessageRef(prompt.message_channel, prompt.message_ts),
        )


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
