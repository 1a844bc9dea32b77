"""The tick's purge: workspaces uninstalled longer ago than UNINSTALL_RETENTION_DAYS lose every row
(bot/services/workspaces_purge.py). Nothing is sent, so the summary counts nothing."""

import logging
from datetime import datetime

from bot.outbound.passes import PassSummary, TickContext
from bot.services.workspaces_purge import purge_due

logger = logging.getLogger(__name__)


def purge_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    for team_id, rows in purge_due(ctx.sessions, now).items():
        logger.info("workspace %s: retention time over, deleted its %d rows", team_id, rows)
    return PassSummary()
