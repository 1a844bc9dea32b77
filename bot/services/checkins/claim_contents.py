"""What a claimed delivery needs to go out: its person's zone, the period's times, the questions and
objectives; and which claimed rows are no longer worth sending.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import closes_at
from bot.services.checkins.audience import person_of
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.prompt_contents import ObjectiveCache
from bot.services.checkins.read_models import DeliveryToSend
from bot.services.checkins.specs import spec_of
from models.checkins import Delivery, Schedule


def contents_to_send(
    session: Session, rows: Sequence[Delivery], stale: set[int], now: datetime, default_tz: str
) -> list[DeliveryToSend]:
    """What each claimed row needs to be sent; a row no longer worth sending (schedule off, period
    closed, or its prompt answered) is marked skipped and left out."""
    objectives = ObjectiveCache(session)
    schedules: dict[int, Schedule] = {}
    out = []
    for row in rows:
        schedule = schedules.get(row.schedule_id) or session.get_one(Schedule, row.schedule_id)
        schedules[row.schedule_id] = schedule
        spec = spec_of(schedule)
        person = person_of(session, row.team_id, row.user_id)
        tz = zone(person.tz if person and person.tz else default_tz, default_tz)
        opened = _prompt_time(session, row)
        closes = closes_at(spec, tz, opened)
        if not schedule.active or now >= closes or _answered(session, row):
            row.state, row.claimed_by, row.claimed_at = DeliveryState.SKIPPED, None, None
            continue
        out.append(
            DeliveryToSend(
                id=row.id,
                team_id=row.team_id,
                user_id=row.user_id,
                channel_id=schedule.channel_id,
                schedule_id=schedule.id,
                kind=row.kind,
                sequence=row.sequence,
                local_date=row.local_date,
                scheduled_at=row.scheduled_at,
                attempts=row.attempts,
                anonymous=schedule.anonymous,
                questions=spec.questions,
                objectives=objectives.for_schedule(schedule, row.local_date),
                late_at=opened + spec.window,
                closes_at=closes,
                needs_reconcile=row.id in stale,
                tz=tz.key,
            )
        )
    return out


def _prompt_of(session: Session, row: Delivery) -> Delivery | None:
    if row.kind == DeliveryKind.PROMPT:
        return row
    return session.scalar(prompt_query(row.schedule_id, row.user_id, row.local_date))


def _prompt_time(session: Session, row: Delivery) -> datetime:
    prompt = _prompt_of(session, row)
    return prompt.scheduled_at if prompt is not None else row.scheduled_at


def _answered(session: Session, row: Delivery) -> bool:
    prompt = _prompt_of(session, row)
    return prompt is not None and prompt.answered
