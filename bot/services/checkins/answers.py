"""Answering a check-in: from the form, a DM reply, or a quick confidence button; named or anonymous.

The period is the person's current one (`period_for` in their zone); answers after its window are
late, and after it closes nothing is accepted. An answer is edited in place until then.

Anonymous answers: the stored row has no author, no delivery link, no time of day; the person's
prompt row only gets `answered=True` (created, as skipped, for someone who got no prompt), so a
second answer is refused unless it comes with the answer's random id (the Edit button in the
person's own DM). Nothing here logs.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import Period, is_late, period_for
from bot.services.checkins.answer_input import checked, merged
from bot.services.checkins.answer_store import (
    add_follow_up,
    named_follow_up,
    replace_answer_words,
    sync_measurements,
)
from bot.services.checkins.audience import person_of
from bot.services.checkins.outbox import delivery_row, insert_new_deliveries
from bot.services.checkins.prompt_contents import schedule_objectives
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, NoSchedule
from bot.services.checkins.schedules import find_schedule
from bot.services.checkins.specs import spec_of
from bot.services.checkins.views import AnswerInput, AnswerRecorded, AnswerSource, MessageRef
from models.checkins import AnonymousAnswer, AnonymousAnswerNumber, Answer, AnswerNumber, Delivery, Schedule

_NumberModel = type[AnswerNumber] | type[AnonymousAnswerNumber]


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
    prompt's button must not answer today's period, so another date means the period has closed."""
    with sessions.begin() as session:
        schedule = find_schedule(session, team_id, channel_id)
        if schedule is None or not schedule.active:
            raise NoSchedule(channel_id)
        person = person_of(session, team_id, user_id)
        tz = zone(person.tz if person and person.tz else default_tz, default_tz)
        period = period_for(spec_of(schedule), tz, now)
        if period is None or (for_date is not None and for_date != period.local_date):
            raise NoOpenCheckin(channel_id)
        objectives = {o.id: o for o in schedule_objectives(session, schedule)}
        given = checked(answer, objectives.keys())
        prompt = _prompt(session, schedule, user_id, period)
        if schedule.anonymous:
            recorded = _anonymous(
                session, schedule, prompt, period, objectives, given, source, now, anonymous_answer_id
            )
        else:
            recorded = _named(session, schedule, prompt, user_id, period, objectives, given, source, now)
        return replace(recorded, delivery_id=prompt.id, closes_at=period.closes_at, tz=tz.key)


def _named(session, schedule, prompt, user_id, period, objectives, given, source, now) -> AnswerRecorded:
    row = session.scalar(
        select(Answer).where(
            Answer.schedule_id == schedule.id,
            Answer.user_id == user_id,
            Answer.local_date == period.local_date,
        )
    )
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
        earlier = replace(
            stored_answer(row, answer_numbers(session, AnswerNumber, row.id)),
            follow_up=follow_up is not None,
            follow_up_description=follow_up.description if follow_up is not None else None,
        )
        row.edited_at = now
    stored = merged(earlier, given, source)
    _write_texts(row, stored)
    replace_answer_words(session, row)
    _replace_numbers(session, AnswerNumber, row.id, schedule.team_id, stored)
    sync_measurements(
        session,
        objectives,
        earlier.numbers if earlier else {},
        stored.numbers,
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
    return _recorded(schedule, period, row.late, earlier is not None, stored, prompt, answer_id=row.id)


def _anonymous(
    session, schedule, prompt, period, objectives, given, source, now, answer_id
) -> AnswerRecorded:
    row = None
    if answer_id is not None:
        row = session.scalar(
            select(AnonymousAnswer).where(
                AnonymousAnswer.id == answer_id,
                AnonymousAnswer.team_id == schedule.team_id,
                AnonymousAnswer.schedule_id == schedule.id,
                AnonymousAnswer.local_date == period.local_date,
            )
        )
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
    stored = merged(earlier, given, source)
    _write_texts(row, stored)
    replace_answer_words(session, row)
    _replace_numbers(session, AnonymousAnswerNumber, row.id, schedule.team_id, stored)
    midnight = datetime.combine(period.local_date, time(0), tzinfo=UTC)
    sync_measurements(
        session,
        objectives,
        earlier.numbers if earlier else {},
        stored.numbers,
        user_id=None,
        recorded_at=midnight,
        recorded_on=period.local_date,
    )
    if stored.follow_up and stored.follow_up_description:
        add_follow_up(
            session,
            team_id=schedule.team_id,
            channel_id=schedule.channel_id,
            schedule_id=schedule.id,
            local_date=period.local_date,
            description=stored.follow_up_description,
        )
    prompt.answered = True
    return _recorded(
        schedule, period, row.late, earlier is not None, stored, prompt, anonymous_answer_id=row.id
    )


def _prompt(session: Session, schedule: Schedule, user_id: str, period: Period) -> Delivery:
    """The person's prompt row for the period, locked; created as skipped if none was planned
    (someone away), so that "answered" has somewhere to live."""
    row = delivery_row(
        schedule.team_id,
        schedule.id,
        user_id,
        period.local_date,
        kind=DeliveryKind.PROMPT,
        sequence=0,
        state=DeliveryState.SKIPPED,
        scheduled_at=period.opens_at,
    )
    insert_new_deliveries(session, [row])
    query = select(Delivery).where(
        Delivery.schedule_id == schedule.id,
        Delivery.user_id == user_id,
        Delivery.local_date == period.local_date,
        Delivery.kind == DeliveryKind.PROMPT,
        Delivery.sequence == 0,
    )
    return session.scalars(query.with_for_update().execution_options(populate_existing=True)).one()


def answer_numbers(session: Session, model: _NumberModel, answer_id: object) -> dict[int, float]:
    query = select(model.objective_id, model.value).where(model.answer_id == answer_id)
    return {objective_id: value for objective_id, value in session.execute(query)}


def _replace_numbers(
    session: Session, model: _NumberModel, answer_id: object, team_id: str, answer: AnswerInput
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


def _write_texts(row: Answer | AnonymousAnswer, answer: AnswerInput) -> None:
    row.confidence = answer.confidence
    row.expectations = answer.expectations
    row.obstacles = answer.obstacles
    row.category = answer.category


def _recorded(
    schedule: Schedule,
    period: Period,
    late: bool,
    edited: bool,
    stored: AnswerInput,
    prompt: Delivery,
    *,
    answer_id: int | None = None,
    anonymous_answer_id: str | None = None,
) -> AnswerRecorded:
    message = (
        MessageRef(prompt.message_channel, prompt.message_ts)
        if prompt.message_channel and prompt.message_ts
        else None
    )
    return AnswerRecorded(
        schedule_id=schedule.id,
        channel_id=schedule.channel_id,
        local_date=period.local_date,
        anonymous=schedule.anonymous,
        late=late,
        edited=edited,
        answer=stored,
        answer_id=answer_id,
        anonymous_answer_id=anonymous_answer_id,
        prompt_message=message,
    )
