"""Keeping tables that only ever grow in check; run by the clock process (bot/entrypoints/scheduler.py)."""

from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from models.events import ProcessedEvent
from models.installations import oauth_states


def prune_processed_events(sessions: sessionmaker[Session], *, before: datetime) -> int:
    """Forget event ids received before `before`; returns how many were removed.

    Slack retries an event delivery within minutes, so a day-old id will never be seen again.
    """
    with sessions.begin() as session:
        result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < before))
        return int(getattr(result, "rowcount", 0) or 0)


def prune_oauth_states(sessions: sessionmaker[Session], *, now: datetime) -> int:
    """Forget OAuth states (one per "Add to Slack" click) that expired before `now`; returns how
    many were removed. slack_sdk's store deletes a state only when its install completes, so every
    abandoned click would otherwise stay for good. Its `expire_at` is naive UTC (slack_sdk's own
    convention), and a state belongs to no workspace yet, so this is the one delete not by team."""
    expired_before = now.astimezone(UTC).replace(tzinfo=None)
    with sessions.begin() as session:
        result = session.execute(delete(oauth_states).where(oauth_states.c.expire_at < expired_before))
        return int(getattr(result, "rowcount", 0) or 0)
