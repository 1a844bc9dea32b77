"""What a person can answer, read before anything is recorded: which prompt a button came from,
which channel's check-in is open for them (a DM reply; `/checkin`), the form with the answer given
so far. The rules that pick the period and the answer an edit goes to are answer_rules.py's, which
answers.py records through too, so the form and the recording never disagree.

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

from bot.domain.checkins.periods import Period, is_late, period_for, todays_period
from bot.domain.checkins.spec import ScheduleSpec
from bot.domain.limits import MAX_ID
from bot.services.checkins.answer_rules import (
    anonymous_answer_to_edit,
    as_stored,
    follow_up_of,
    named_answer,
    open_period,
    person_zone,
)
from bot.services.checkins.audience import schedules_asking
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.prompt_contents import summarize_for
from bot.services.checkins.read_models import (
    AnswerForm,
    CheckinToAnswer,
    MessageRef,
    PromptMessage,
    PromptRef,
)
from bot.services.checkins.refusals import UnknownPrompt
from bot.services.checkins.specs import spec_of
from models.checkins import Delivery, Schedule


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
