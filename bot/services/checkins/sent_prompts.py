"""Prompts already sent, as the reminder rules need them (with each person's current zone).

Only prompts that can have a reminder firing in the tick's window `(since, now]` are read, so a
minute's tick reads a minute's worth of prompts, not every prompt of the last day: reminder k of
a prompt fires `after * k` after it was sent, or, when that is in quiet hours, when they end.
So a prompt qualifies if it was sent in `(since - after*k, now - after*k]` for some k, or if its
person lives in a zone where the quiet hours end within the window.
"""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from bot.domain.checkins.due import PromptKey
from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.periods import MAX_PERIOD
from bot.domain.checkins.reminders import SentPrompt
from bot.domain.checkins.spec import ScheduleSpec
from models.checkins import Delivery
from models.people import Person


def reminder_candidates(
    session: Session,
    team_id: str,
    spec: ScheduleSpec,
    since: datetime,
    now: datetime,
    default_tz: str,
    quiet_end_zones: Collection[str],
) -> list[SentPrompt]:
    """Unanswered sent prompts of `spec` that may have a reminder in `(since, now]`.
    `quiet_end_zones`: the zones where `spec.quiet_hours.end` falls in the window (empty if none)."""
    if spec.reminders.count == 0:
        return []
    narrowing = [
        and_(
            Delivery.sent_at > since - spec.reminders.after * k,
            Delivery.sent_at <= now - spec.reminders.after * k,
        )
        for k in range(1, spec.reminders.count + 1)
    ]
    if spec.quiet_hours is not None and quiet_end_zones:
        narrowing.append(_living_in(quiet_end_zones, default_tz))
    query = (
        select(Delivery, Person.tz)
        .outerjoin(Person, (Person.team_id == Delivery.team_id) & (Person.user_id == Delivery.user_id))
        .where(
            Delivery.state == DeliveryState.SENT,
            # A reminder is only useful while its period is open, at most a day after the prompt.
            Delivery.scheduled_at > since - MAX_PERIOD,
            Delivery.scheduled_at <= now,
            Delivery.team_id == team_id,
            Delivery.kind == DeliveryKind.PROMPT,
            Delivery.answered.is_(False),
            Delivery.schedule_id == spec.schedule_id,
            or_(*narrowing),
        )
    )
    return [
        SentPrompt(
            key=PromptKey(delivery.schedule_id, delivery.user_id, delivery.local_date),
            tz=tz or default_tz,
            opened_at=delivery.scheduled_at,
            sent_at=delivery.sent_at or delivery.scheduled_at,
            answered=delivery.answered,
        )
        for delivery, tz in session.execute(query)
    ]


def _living_in(zones: Collection[str], default_tz: str) -> ColumnElement[bool]:
    named = Person.tz.in_(sorted(zones))
    return or_(named, Person.tz.is_(None)) if default_tz in zones else or_(named, false())
