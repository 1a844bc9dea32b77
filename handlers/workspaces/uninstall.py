"""`app_uninstalled` and `tokens_revoked` (the bot's token): the workspace removed goalbot. From
this event on nothing more is sent to it; its data is kept for UNINSTALL_RETENTION_DAYS (a
reinstall finds it again), then the tick purges it (bot/services/workspaces_uninstall.py)."""

import logging
from collections.abc import Mapping
from datetime import datetime

from bot.services.workspaces_uninstall import mark_uninstalled
from handlers.deps import Deps, team_of

logger = logging.getLogger(__name__)


def register(app, deps: Deps, *, retention_days: int) -> None:
    def removed(team_id: str, now: datetime, why: str) -> None:
        purge_after = mark_uninstalled(deps.sessions, team_id, now=now, retention_days=retention_days)
        logger.info(
            "workspace %s %s: nothing more is sent to it; its data is deleted after %s",
            team_id,
            why,
            purge_after.isoformat(timespec="minutes"),
        )

    def app_uninstalled(ack, context, now: datetime):
        ack()
        removed(team_of(context), now, "uninstalled goalbot")

    def tokens_revoked(ack, event, context, now: datetime):
        ack()
        tokens = event.get("tokens")
        # User tokens (`oauth`) are none of goalbot's; without its bot token it can do nothing.
        if isinstance(tokens, Mapping) and tokens.get("bot"):
            removed(team_of(context), now, "revoked goalbot's bot token")

    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)
