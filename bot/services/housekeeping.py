"""Keeping tables that only ever grow in check; run by the clock process (bot/entrypoints/scheduler.py)."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from models.events import ProcessedEvent


def prune_processed_events(sessions: sessionmaker[Session], *, before: datetime) -> int:
    """Forget event ids received before `before`; returns how many were removed.

    Slack retries an event delivery within minutes, so a day-old id will never be seen again.
    """
    with sessions.begin() as session:
        result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < before))
        return int(getattr(result, "rowcount", 0) or 0)
