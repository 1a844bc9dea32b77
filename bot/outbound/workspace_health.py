"""Which workspaces not to call Slack for: one uninstalled, or one whose token stopped working.

The Sender asks `refusal(team)` before each call and reports each outcome. A token error
(invalid_auth, account_inactive, token_revoked, not_authed) marks the workspace token-failing in
the database (`workspaces.token_failing_since`), logged once by whichever process saw it first;
from then on no process calls Slack for it, so its messages wait (retryable) instead of each
failing alone, and every other workspace goes on as before. An hour after its latest failure a
call is let through as a probe; a call that works clears the mark.

What this process knows of a workspace is read again after `recheck` seconds, so a mark, a
cleared mark or an uninstall recorded by another process reaches it within that time."""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.services.workspaces import (
    Standing,
    clear_token_failing,
    mark_token_failing,
    standing_of,
    standings_of,
)

logger = logging.getLogger(__name__)

# Slack's answers meaning the token itself is no good (not the message, not the channel).
TOKEN_ERRORS = frozenset({"invalid_auth", "account_inactive", "token_revoked", "not_authed"})
RECHECK_SECONDS = 10.0


class WorkspaceHealth:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime],
        recheck: float = RECHECK_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions, self._clock = sessions, clock
        self._recheck, self._monotonic = recheck, monotonic
        self._known: dict[str, tuple[float, Standing]] = {}
        self._lock = threading.Lock()

    def refusal(self, team_id: str) -> str | None:
        """Why no call should go to the workspace now; None: go ahead."""
        return self._standing(team_id).refusal

    def failed(self, team_id: str, error: str) -> None:
        """A call answered `error`; only token errors say anything about the workspace."""
        if error not in TOKEN_ERRORS:
            return
        note_token_failing(self._sessions, team_id, error, self._clock())
        self._remember(team_id, Standing(error, True))

    def succeeded(self, team_id: str) -> None:
        """A call worked: a mark this process knows of is cleared (one statement, only then)."""
        if not self._standing(team_id).failing:
            return
        with self._sessions.begin() as session:
            cleared = clear_token_failing(session, team_id)
        if cleared:
            logger.info("workspace %s: its token works again", team_id)
        self._remember(team_id, Standing(None, False))

    def read_ahead(self, team_ids: list[str]) -> None:
        """Reads the standing of the workspaces a pass is about to call in one query, rather than
        one each at its first call."""
        if not team_ids:
            return
        with self._sessions.begin() as session:
            standings = standings_of(session, team_ids, self._clock())
        for team_id, standing in standings.items():
            self._remember(team_id, standing)

    def forget(self, team_id: str) -> None:
        """Read the workspace's standing again at the next call (after an uninstall, say)."""
        with self._lock:
            self._known.pop(team_id, None)

    def _standing(self, team_id: str) -> Standing:
        with self._lock:
            known = self._known.get(team_id)
        if known is not None and self._monotonic() - known[0] < self._recheck:
            return known[1]
        with self._sessions.begin() as session:
            standing = standing_of(session, team_id, self._clock())
        self._remember(team_id, standing)
        return standing

    def _remember(self, team_id: str, standing: Standing) -> None:
        with self._lock:
            self._known[team_id] = (self._monotonic(), standing)


def note_token_failing(sessions: sessionmaker[Session], team_id: str, error: str, now: datetime) -> None:
    """Marks the workspace token-failing (a call refused its token, or its rotating token could not
    be refreshed for good), logged by whichever process marks it first."""
    with sessions.begin() as session:
        first = mark_token_failing(session, team_id, error, now)
    if first:
        logger.warning(
            "workspace %s: Slack refused its token (%s); not calling Slack for it until a call "
            "works again (one try an hour, or `goalbot workspaces --check`)",
            team_id,
            error,
        )
