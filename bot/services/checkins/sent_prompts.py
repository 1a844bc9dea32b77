"""Prompts already sent, as the reminder rules need them (with each person's current zone)."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.checkins.due import PromptKey
from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.reminders import SentPrompt
from models.checkins import Delivery, Person


def sent_prompts(
    session: Session,
    team_id: str,
    schedule_ids: Sequence[int],
    opened_after: datetime,
    until: datetime,
    default_tz: str,
) -> dict[int, list[SentPrompt]]:
    """Unanswered sent prompts opened in `(opened_after, until]`, by schedule id.

    A reminder is only useful while its period is open (at most a day after the prompt), so the
    planner passes `since - MAX_PERIOD`: the read grows with recent prompts, not with history.
    """
    if not schedule_ids:
        return {}
    query = (
        select(Delivery, Person.tz)
        .outerjoin(Person, (Person.team_id == Delivery.team_id) & (Person.user_id == Delivery.user_id))
        .where(
            Delivery.state == DeliveryState.SENT,
            Delivery.scheduled_at > opened_after,
            Delivery.scheduled_at <= until,
            Delivery.team_id == team_id,
            Delivery.kind == DeliveryKind.PROMPT,
            Delivery.answered.is_(False),
            Delivery.schedule_id.in_(schedule_ids),
        )
    )
    found: dict[int, list[SentPrompt]] = defaultdict(list)
    for delivery, tz in session.execute(query):
        found[delivery.schedule_id].append(
            SentPrompt(
                key=PromptKey(delivery.schedule_id, delivery.user_id, delivery.local_date),
                tz=tz or default_tz,
                opened_at=delivery.scheduled_at,
                sent_at=delivery.sent_at or delivery.scheduled_at,
                answered=delivery.answered,
            )
        )
    return found
