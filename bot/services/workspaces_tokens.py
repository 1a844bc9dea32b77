"""When each workspace's rotating bot token expires, for `goalbot workspaces` (an operator's view
over every workspace, like list_workspaces). A workspace whose token does not rotate has none."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.installations import bots


def token_expiries(sessions: sessionmaker[Session]) -> dict[str, datetime]:
    """team id -> when its latest bot token expires (aware UTC), for rotating tokens only."""
    query = (
        select(bots.c.team_id, bots.c.bot_token_expires_at)
        .where(bots.c.team_id.is_not(None), bots.c.bot_token.is_not(None))
        .order_by(bots.c.installed_at, bots.c.id)  # the latest installation's row is read last
    )
    with sessions.begin() as session:
        latest = {str(team): expires for team, expires in session.execute(query)}
    return {team: _aware(expires) for team, expires in latest.items() if expires is not None}


def _aware(at: datetime) -> datetime:
    # slack_sdk stores naive UTC.
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
