"""The writes every answer makes, named or anonymous: the person's prompt row (locked, so two
answers at once take turns), the answer's texts, its marks in the period tallies, its numbers
with their measurements, and what the listener is told back.
"""

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.periods import Period
from bot.services.checkins.answer_rows import NumberModel, replace_numbers, write_texts
from bot.services.checkins.answer_store import retally_answer_row, row_marks, sync_measurements
from bot.services.checkins.outbox import delivery_row, insert_new_deliveries, prompt_query
from bot.services.checkins.views import AnswerInput, AnswerRecorded, MessageRef
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery, Schedule
from models.goals import Objective


def locked_prompt(session: Session, schedule: Schedule, user_id: str, period: Period) -> Delivery:
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
    query = prompt_query(schedule.id, user_id, period.local_date)
    return session.scalars(query.with_for_update().execution_options(populate_existing=True)).one()


def store_answer(
    session: Session,
    row: Answer | AnonymousAnswer,
    model: NumberModel,
    objectives: Mapping[int, Objective],
    earlier: AnswerInput | None,
    stored: AnswerInput,
    *,
    user_id: str | None,
    recorded_at: datetime | None,  # None for an anonymous answer: it makes no measurement
    recorded_on: date | None,
) -> AnswerInput:
    """Write the answer's texts, tallies and numbers, and keep a named answer's measurements in
    step. An anonymous answer's numbers make no measurement now: one appearing the moment someone
    answers would point at them."""
    before = row_marks(row) if earlier is not None else frozenset()
    write_texts(row, stored)
    retally_answer_row(session, row, before)
    replace_numbers(session, model, row.id, row.team_id, stored)
    if isinstance(row, AnonymousAnswer):
        return stored  # counted once, as a median, when the day closes (anonymous_close.py)
    assert recorded_at is not None and recorded_on is not None
    old = earlier.numbers if earlier else {}
    sync_measurements(
        session,
        objectives,
        old,
        stored.numbers,
        user_id=user_id,
        recorded_at=recorded_at,
        recorded_on=recorded_on,
    )
    return stored


def recorded(
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
