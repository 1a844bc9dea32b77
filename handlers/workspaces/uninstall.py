"""`app_uninstalled` and `tokens_revoked` (the bot's token): the workspace removed goalbot. From
this event on nothing more is sent to it; its data is kept for UNINSTALL_RETENTION_DAYS (a
reinstall finds it again), then the tick purges it (bot/services/workspaces_uninstall.py).

In distributed mode its installation rows go at once (the installation store's delete_all): no
token of a removed workspace is kept, so no process can call Slack for it even by mistake. Single-
workspace mode has no store (SLACK_BOT_TOKEN is its one installation) and nothing to delete."""

import logging
from collections.abc import Mapping
from datetime import datetime

from bot.services.workspaces_uninstall import mark_uninstalled
from handlers.deps import Deps, team_of

logger = logging.getLogger(__name__)


def register(app, deps: Deps, *, retention_days: int) -> None:
    def removed(context, now: datetime, why: str) -> None:
        team_id = team_of(context)
        purge_after = mark_uninstalled(deps.sessions, team_id, now=now, retention_days=retention_days)
        store = app.installation_store  # None in single-workspace mode
        if store is not None:
            store.delete_all(enterprise_id=context.get("enterprise_id"), team_id=team_id)
        logger.info(
            "workspace %s %s: nothing more is sent to it; its data is deleted after %s",
            team_id,
            why,
            purge_after.isoformat(timespec="minutes"),
        )

    def app_uninstalled(ack, context, now: datetime):
        ack()
        removed(context, now, "uninstalled goalbot")

    def tokens_revoked(ack, event, context, now: datetime):
        ack()
        tokens = event.get("tokens")
        # User tokens (`oauth`) are none of goalbot's; without its bot token it can do nothing.
        if isinstance(tokens, Mapping) and tokens.get("bot"):
            removed(context, now, "revoked goalbot's bot token")

    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)
