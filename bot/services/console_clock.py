"""The console's clock, kept with its data between sessions (models/console.py)."""

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from models.console import ConsoleTime


def saved_instant(sessions: sessionmaker[Session], team_id: str) -> datetime | None:
    with sessions.begin() as session:
        row = session.get(ConsoleTime, team_id)
        return row.instant if row is not None else None


def save_instant(sessions: sessionmaker[Session], team_id: str, instant: datetime) -> None:
    """Keeps the later of the saved instant and `instant`: the console's clock never goes back."""
    with sessions.begin() as session:
        row = session.get(ConsoleTime, team_id, with_for_update=True)
        if row is None:
            session.add(ConsoleTime(team_id=team_id, instant=instant))
        elif instant > row.instant:
            row.instant = instant
