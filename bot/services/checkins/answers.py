"""Answering a check-in: from the form, a DM reply, or a quick confidence button; named or anonymous.

The period is the person's current one (`period_for` in their zone); answers after its window are
late, and after it closes nothing is accepted. An answer is edited in place until then.

Anonymous answers: the stored row has no author, no delivery link, no time of day; the person's
prompt row only gets `answered=True` (created, as skipped, for someone who got no prompt), so a
second answer is refused unless it comes with the answer's random id (the Edit button in the
person's own DM). Nothing here logs.
"""

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import answerable_period, is_late
from bot.services.checkins.answer_input import checked, merged
from bot.services.checkins.answer_rows import (
    anonymous_row,
    answer_numbers,
    named_answer,
    named_row,
    stored_answer,
)
from bot.services.checkins.answer_store import add_anonymous_flag, add_follow_up, named_follow_up
from bot.services.checkins.answer_writes import locked_prompt, recorded, store_answer
from bot.services.checkins.audience import person_of
from bot.services.checkins.prompt_contents import schedule_objectives
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, NoSchedule
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from bot.services.checkins.views import AnswerInput, AnswerRecorded, AnswerSource
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, Answer, AnswerNumber


def record_answer(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    user_id: str,
    channel_id: str,
    answer: AnswerInput,
    source: AnswerSource,
    now: datetime,
    default_tz: str,
    anonymous_answer_id: str | None = None,
    for_date: date | None = None,
) -> AnswerRecorded:
    """`for_date`: the local date of the prompt the answer came from (a button or its form); an old
    prompt's button must not answer today's period, so another date means the period has closed.
    Today's date also takes an answer before the prompt time (`/checkin` early): it is recorded as
    any answer to today's prompt, whose row is then marked answered, so the prompt is never sent."""
    with sessions.begin() as session:
        schedule = find_schedule(session, team_id, channel_id)
        if schedule is None or not schedule.active:
            raise NoSchedule(channel_id)
        person = person_of(session, team_id, user_id)
        tz = zone(person.tz if person and person.tz else default_tz, default_tz)
        period = answerable_period(spec_of(schedule), tz, now, for_date)
        if period is None:
            raise NoOpenCheckin(channel_id)
        objectives = {o.id: o for o in schedule_objectives(session, schedule)}
        given = checked(answer, objectives.keys())
        prompt = locked_prompt(session, schedule, user_id, period)
        if schedule.anonymous:
            recorded = _anonymous(
                session, schedule, prompt, period, objectives, given, source, now, anonymous_answer_id
            )
        else:
            recorded = _named(session, schedule, prompt, user_id, period, objectives, given, source, now)
        return replace(recorded, delivery_id=prompt.id, closes_at=period.closes_at, tz=tz.key)


def _named(session, schedule, prompt, user_id, period, objectives, given, source, now) -> AnswerRecorded:
    row = named_row(session, schedule, user_id, period.local_date)
    earlier = None
    follow_up = named_follow_up(session, schedule.team_id, row.id) if row is not None else None
    if row is None:
        row = Answer(
            team_id=schedule.team_id,
            schedule_id=schedule.id,
            delivery_id=prompt.id,
            user_id=user_id,
            local_date=period.local_date,
            answered_at=now,
            late=is_late(period, now),
        )
        session.add(row)
        session.flush()
    else:
        earlier = named_answer(session, row, follow_up)
        row.edited_at = now
    stored = store_answer(
        session,
        row,
        AnswerNumber,
        objectives,
        earlier,
        merged(earlier, given, source),
        user_id=user_id,
        recorded_at=row.answered_at,
        recorded_on=period.local_date,
    )
    if stored.follow_up and stored.follow_up_description:
        if follow_up is None:
            add_follow_up(
                session,
                team_id=schedule.team_id,
                channel_id=schedule.channel_id,
                schedule_id=schedule.id,
                local_date=period.local_date,
                description=stored.follow_up_description,
                answer_id=row.id,
                author_id=user_id,
                created_at=now,
            )
        else:
            follow_up.description = stored.follow_up_description
    elif follow_up is not None and follow_up.owner_id is None:
        session.delete(follow_up)  # unflagged before anyone took it on
    prompt.answered = True
    return recorded(schedule, period, row.late, earlier is not None, stored, prompt, answer_id=row.id)


def _anonymous(
    session, schedule, prompt, period, objectives, given, source, now, answer_id
) -> AnswerRecorded:
    row = None
    if answer_id is not None:
        row = anonymous_row(session, schedule, answer_id, period.local_date)
        if row is None:
            raise NoOpenCheckin(schedule.channel_id)  # an Edit button from a closed period
    elif prompt.answered:
        raise AlreadyAnswered(schedule.channel_id)
    earlier = None
    if row is None:
        row = AnonymousAnswer(
            team_id=schedule.team_id,
            schedule_id=schedule.id,
            local_date=period.local_date,
            late=is_late(period, now),
        )
        session.add(row)
        session.flush()
    else:
        earlier = stored_answer(row, answer_numbers(session, AnonymousAnswerNumber, row.id))
    stored = store_answer(
        session,
        row,
        AnonymousAnswerNumber,
        objectives,
        earlier,
        merged(earlier, given, source),
        user_id=None,
        recorded_at=None,
        recorded_on=None,
    )
    if stored.follow_up and stored.follow_up_description:
        add_anonymous_flag(
            session,
            team_id=schedule.team_id,
            channel_id=schedule.channel_id,
            schedule_id=schedule.id,
            local_date=period.local_date,
            description=stored.follow_up_description,
        )
    prompt.answered = True
    return recorded(
        schedule, period, row.late, earlier is not None, stored, prompt, anonymous_answer_id=row.id
    )
