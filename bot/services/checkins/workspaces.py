"""Which workspaces have check-in work: the clock's per-workspace jobs start from this list."""

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.checkins import Schedule


def workspaces_with_schedules(sessions: sessionmaker[Session]) -> list[str]:
    """Team ids with at least one active check-in schedule, sorted."""
    with sessions.begin() as session:
        query = select(Schedule.team_id).where(Schedule.active.is_(True)).distinct()
        return sorted(session.scalars(query))
