"""What every listener needs besides Bolt's own arguments, and who is asking."""

import logging
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.passes import TickContext
from bot.services.actor import Actor
from bot.services.errors import NoWorkspace
from bot.services.workspaces_zones import ZoneCache
from handlers.common.subcommands import Subcommands

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deps:
    sessions: sessionmaker[Session]
    timezone: ZoneInfo  # DEFAULT_TIMEZONE: the fallback; zone_of(team) is the workspace's
    # `/goals` subcommands of other features, added as each feature registers (common/subcommands.py).
    subcommands: Subcommands = field(default_factory=Subcommands, compare=False)
    zones: ZoneCache = field(default_factory=ZoneCache, compare=False)
    # The outbox engine's way out for a listener that sends a row it just recorded (a closed
    # follow-up's notice) at once: the tick's Sender, gate and workspace leases (entrypoints/app.py).
    # None (no bot token configured): such rows wait for the tick.
    outbound: TickContext | None = field(default=None, compare=False)

    def zone_of(self, team_id: str | None) -> ZoneInfo:
        """The workspace's default zone (`/goals settings timezone`), else DEFAULT_TIMEZONE."""
        if not team_id:
            return self.timezone
        return ZoneInfo(self.zones.zone_of(self.sessions, team_id, self.timezone.key))


def team_of(context) -> str:
    # Org-wide installs on Enterprise Grid may send no team; the enterprise then scopes the data.
    team_id = context.get("team_id") or context.get("enterprise_id")
    if not team_id:
        raise NoWorkspace()
    return team_id


def is_workspace_admin(client: WebClient, user_id: str) -> bool:
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        logger.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


def actor_for(client: WebClient, team_id: str, user_id: str, *, owner_id: str | None) -> Actor:
    """Asks Slack whether the person is an admin only when they are not the owner."""
    if owner_id is not None and owner_id == user_id:
        return Actor(team_id, user_id, is_admin=False)
    return Actor(team_id, user_id, is_admin=is_workspace_admin(client, user_id))
