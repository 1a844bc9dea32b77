"""The clock's token job: every few minutes, refresh the rotating bot tokens due within the margin,
so a workspace nobody writes to and nothing is sent to never reaches its token's expiry.

Each run claims the due workspaces (bot/services/jobs.py), so N clocks share them instead of each
taking the lock for all; the refresh itself re-reads each token under the lock and refreshes only
what is still due, so a web process or tick refreshing the same token meanwhile costs nothing. A
workspace whose token is marked failing is left alone (it is tried again an hour after its latest
failure, as the tick does); one Slack failed to refresh now is simply due again at the next run.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.installations.bot_tokens import InstalledBotTokens
from bot.installations.refresh import RefreshFailed
from bot.installations.stores import NotInstalled
from bot.services import jobs
from bot.services.workspaces import workspaces_to_serve

logger = logging.getLogger(__name__)

JOB = "refresh_tokens"
EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class Refreshes:
    due: int = 0
    refreshed: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"due {self.due}, refreshed {self.refreshed}, failed {self.failed}"


def refresh_due_tokens(
    tokens: InstalledBotTokens, sessions: sessionmaker[Session], *, worker: str, now: datetime
) -> Refreshes:
    due = tokens.due_within_margin(now)
    with sessions.begin() as session:
        due = workspaces_to_serve(session, due, now)
    mine = jobs.claim(
        sessions, job=JOB, team_id=jobs.EVERY_WORKSPACE, items=due, worker=worker, now=now, lease=EVERY
    )
    refreshed = failed = 0
    for team_id in mine:
        try:
            refreshed += tokens.refresh_if_due(team_id)
        except NotInstalled:
            continue  # uninstalled since it was listed
        except RefreshFailed:  # logged, and marked when it is for good, by the token source
            failed += 1
    # Done for now: due again (a failed one, say) at the next run, by whichever clock claims it.
    jobs.finish(
        sessions, job=JOB, team_id=jobs.EVERY_WORKSPACE, items=mine, worker=worker, now=now, quiet_until=now
    )
    return Refreshes(due=len(due), refreshed=refreshed, failed=failed)
