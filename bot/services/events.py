"""Slack redelivers an event it thinks we missed; the first delivery of an event id is the one we act on."""

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models.events import ProcessedEvent

EVENT_ID_MAX = 64  # the column's width; Slack's ids are far shorter


def first_delivery(sessions: sessionmaker[Session], team_id: str, event_id: str, now: datetime) -> bool:
    """Records the event id; False when it was already recorded (a retry to skip).

    The unique (team_id, event_id) constraint decides, so two deliveries racing each other
    cannot both count as first.
    """
    try:
        with sessions.begin() as session:
            session.add(ProcessedEvent(team_id=team_id, event_id=event_id[:EVENT_ID_MAX], received_at=now))
    except IntegrityError:
        return False
    return True
