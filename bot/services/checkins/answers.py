"""Recording a check-in answer, from the form, a DM reply or a quick confidence button, named or
anonymous, in one transaction and in this order:

1. the period (answer_rules.py: the person's open one; after its window answers are late, after it
   closes none is accepted; today's also before its prompt time) and the answer checked
   (answer_input.py), before anything is written;
2. the person's prompt row, locked, so two answers at once take turns (created as skipped if none
   was planned, so its prompt is never sent and "answered" has somewhere to live);
3. the answer's row: the person's for that day, or the anonymous one their own Edit button names;
   a form replaces the answer, a reply or a button adds to it (`merged`);
4. its texts, its marks in the period tallies, its numbers;
5. a named answer's measurements and follow-up; an anonymous answer's follow-up held as a flag;
6. the prompt marked answered.

Anonymous answers: the row has no author, no delivery link, no time of day; the tallies count it
with no key; its numbers make no measurement now (one appearing the moment someone answers would
point at them: they count once, as medians, when the day closes, anonymous_close.py); its
follow-up is held in `anonymous_flags` until the follow-ups' release. Nothing here logs.

The order is all here; the parts of steps 4 and 5 (tallies, numbers, measurements, follow-up,
flag) are written by answer_parts.py, which this module calls and which calls nothing back.
"""

from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.periods import Period, is_late
from bot.domain.reports.tally_marks import Mark
from bot.services.checkins.answer_input import checked, checked_text
from bot.services.checkins.answer_parts import (
    hold_anonymous_flag,
    keep_follow_up,
    replace_numbers,
    retally_answer_row,
    row_marks,
    sync_measurements,
)
from bot.services.checkins.answer_rules import (
    anonymous_answer_to_edit,
    as_stored,
    follow_up_of,
    named_answer,
    open_period,
)
from bot.services.checkins.outbox import delivery_row, insert_new_deliveries, prompt_query
from bot.services.checkins.prompt_contents import schedule_objectives
from bot.services.checkins.read_models import AnswerInput, AnswerRecorded, AnswerSource, MessageRef
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery, Schedule


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
        schedule, tz, period = open_period(session, team_id, user_id, channel_id, now, default_tz, for_date)
        objectives = {o.id: o for o in schedule_objectives(session, schedule)}
        given = checked(answer, objectives.keys())
        prompt = _locked_prompt(session, schedule, user_id, period)

        # The answer's row and what it held: an anonymous one only through its Edit button's id.
        row: Answer | AnonymousAnswer | None
        follow_up = None
        if schedule.anonymous:
            row = anonymous_answer_to_edit(
                session, schedule, period.local_date, prompt.answered, anonymous_answer_id
            )
            earlier = as_stored(session, row) if row is not None else None
        else:
            row = named_answer(session, schedule, user_id, period.local_date)
            follow_up = follow_up_of(session, row) if row is not None else None
            earlier = as_stored(session, row, follow_up) if row is not None else None
        if row is None:
            row = _new_row(session, schedule, prompt, user_id, period, now)
        elif isinstance(row, Answer):
            row.edited_at = now
        stored = merged(earlier, given, source)

        # Texts, their marks in the period tallies (keyed by person only when named), numbers.
        before: frozenset[Mark] = row_marks(row) if earlier is not None else frozenset()
        row.confidence, row.expectations = stored.confidence, stored.expectations
        row.obstacles, row.category = stored.obstacles, stored.category
        retally_answer_row(session, row, before)
        replace_numbers(session, row, stored.numbers)

        # A named answer's measurements and follow-up; an anonymous one's follow-up only held.
        if isinstance(row, Answer):
            old = earlier.numbers if earlier is not None else {}
            sync_measurements(session, objectives, old, stored.numbers, row)
            flagged = stored.follow_up_description if stored.follow_up else None
            keep_follow_up(session, schedule, row, follow_up, flagged, now)
        elif stored.follow_up and stored.follow_up_description:
            hold_anonymous_flag(session, schedule, period.local_date, stored.follow_up_description)
        prompt.answered = True

        return AnswerRecorded(
            schedule_id=schedule.id,
            channel_id=schedule.channel_id,
            local_date=period.local_date,
            anonymous=schedule.anonymous,
            late=row.late,
            edited=earlier is not None,
            answer=stored,
            answer_id=row.id if isinstance(row, Answer) else None,
            anonymous_answer_id=row.id if isinstance(row, AnonymousAnswer) else None,
            prompt_message=(
                MessageRef(prompt.message_channel, prompt.message_ts)
                if prompt.message_channel and prompt.message_ts
                else None
            ),
            delivery_id=prompt.id,
            closes_at=period.closes_at,
            tz=tz.key,
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
    return checked_text(f"{earlier}\n{given}", field)  # two replies together may pass the limit


def _locked_prompt(session: Session, schedule: Schedule, user_id: str, period: Period) -> Delivery:
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
    insert_new_deliveries(session, [row])  # ON CONFLICT DO NOTHING: planning may have made it
    query = prompt_query(schedule.id, user_id, period.local_date)
    return session.scalars(query.with_for_update().execution_options(populate_existing=True)).one()


def _new_row(
    session: Session, schedule: Schedule, prompt: Delivery, user_id: str, period: Period, now: datetime
) -> Answer | AnonymousAnswer:
    """A first answer. An anonymous one keeps only the day and whether it was late."""
    row: Answer | AnonymousAnswer
    if schedule.anonymous:
        row = AnonymousAnswer(
            team_id=schedule.team_id,
            schedule_id=schedule.id,
            local_date=period.local_date,
            late=is_late(period, now),
        )
    else:
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
    return row
