"""The installed workspaces' bot tokens, as a TokenSource (bot/outbound/tokens.py) that refreshes
rotating tokens before they expire (refresh.py) and marks a workspace whose refresh failed for good.

The Sender asks on every call, so tokens are kept in memory per workspace: a token read is used
for up to RECHECK seconds and never once it is due (MARGIN before its expiry). Fan-out then costs one
read per workspace every RECHECK seconds, not one per post; an uninstall (its rows deleted) or a
token refreshed by another process reaches this one within RECHECK seconds. A refreshed token is
used from the next call on, in this process at once and in every other at its next read: the old
one stays valid until its own expiry, MARGIN later.

Threads of one process that find the same token due wait for each other before the database lock,
so one of them refreshes and the others take its token without a connection each.
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine, select

from bot.clock import utc_now
from bot.installations.refresh import (
    MARGIN,
    BotToken,
    RefreshFailed,
    Rotate,
    latest_bot,
    refresh_locked,
    token_of,
)
from bot.installations.stores import NotInstalled
from bot.outbound.tokens import TokenUnavailable
from bot.outbound.workspace_health import note_token_failing
from models.db import make_sessionmaker
from models.dialect import reading_outside_transaction
from models.installations import bots

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 10.0
# After a refresh Slack failed, this process waits this long before asking Slack again (a transient
# failure hands out the current token meanwhile while it is good for LAST_USE more; a permanent one
# is marked, and web requests for the workspace must not each burn a refresh call).
RETRY_REFRESH_SECONDS = 60.0


class InstalledBotTokens:
    """The bot token of a workspace's latest installation (slack_bots, never a person's user
    token, which an installation row may hold: bolt-python #664); NotInstalled (a KeyError, as
    TokenSource says) for a workspace with none; TokenUnavailable when its token cannot be refreshed."""

    def __init__(
        self,
        engine: Engine,
        client_id: str,
        client_secret: str | None = None,
        *,
        base_url: str = "https://slack.com/api/",
        clock: Callable[[], datetime] = utc_now,
        margin: timedelta = MARGIN,
        recheck: float = RECHECK_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine, self._client_id, self._clock = engine, client_id, clock
        self._sessions = make_sessionmaker(engine)
        self._rotate = Rotate(client_id=client_id, client_secret=client_secret, base_url=base_url)
        self._margin, self._recheck, self._monotonic = margin, recheck, monotonic
        self._known: dict[str, tuple[float, BotToken]] = {}
        self._last_failure: dict[str, tuple[float, RefreshFailed]] = {}  # until when, what
        self._lock = threading.Lock()
        self._refreshing: dict[str, threading.Lock] = {}

    def token_for(self, team_id: str) -> str:
        return self.current(team_id).token

    def current(self, team_id: str) -> BotToken:
        """The workspace's token, refreshed first if it is due."""
        known = self._remembered(team_id)
        if known is not None:
            return known
        token = self._read(team_id)
        if token.due(self._clock(), self._margin):
            token = self._refreshed(team_id, token)
        self._remember(team_id, token)
        return token

    def read_ahead(self, team_ids: list[str]) -> None:
        """Reads the tokens of the workspaces a pass is about to call in one query, rather than
        one each at its first call; a token due for refresh is left for `current` to refresh."""
        query = (
            select(bots)
            .where(
                bots.c.client_id == self._client_id,
                bots.c.team_id.in_(team_ids),
                bots.c.bot_token.is_not(None),
            )
            .order_by(bots.c.team_id, bots.c.installed_at.desc(), bots.c.id.desc())
        )
        latest: dict[str, BotToken] = {}
        with self._engine.connect() as connection:
            for row in reading_outside_transaction(connection).execute(query):
                latest.setdefault(str(row.team_id), token_of(row))  # the first of each: the latest
        now = self._clock()
        for team_id, token in latest.items():
            if not token.due(now, self._margin):
                self._remember(team_id, token)

    def refresh_if_due(self, team_id: str) -> bool:
        """For the clock job: refresh the workspace's token if it is due. True if this call did;
        raises RefreshFailed as token_for would raise TokenUnavailable."""
        return self._refresh(team_id)[1]

    def due_within_margin(self, now: datetime) -> list[str]:
        """Workspaces with a rotating bot token due for refresh at `now` (any installation's row:
        the refresh itself reads the latest one under its lock)."""
        query = select(bots.c.team_id).where(
            bots.c.client_id == self._client_id,
            bots.c.team_id.is_not(None),
            bots.c.bot_refresh_token.is_not(None),
            bots.c.bot_token_expires_at <= (now + self._margin).replace(tzinfo=None),
        )
        with self._engine.connect() as connection:
            return sorted({str(team) for team in connection.execute(query).scalars()})

    def forget(self, team_id: str) -> None:
        with self._lock:
            self._known.pop(team_id, None)

    def _read(self, team_id: str) -> BotToken:
        with self._engine.connect() as connection:
            row = latest_bot(reading_outside_transaction(connection), self._client_id, team_id)
        if row is None:
            self.forget(team_id)
            raise NotInstalled(f"goalbot is not installed in workspace {team_id}")
        return token_of(row)

    def _refreshed(self, team_id: str, due: BotToken) -> BotToken:
        with self._lock:
            last = self._last_failure.get(team_id)
        try:
            if last is not None and last[0] > self._monotonic():
                raise last[1]  # Slack failed the last try a moment ago: not asked again yet
            return self._refresh(team_id)[0]
        except RefreshFailed as failed:
            if not failed.permanent and due.usable(self._clock()):
                return due  # the token still has time
            raise TokenUnavailable(failed.error, permanent=failed.permanent) from None

    def _refresh(self, team_id: str) -> tuple[BotToken, bool]:
        with self._lock:
            in_process = self._refreshing.setdefault(team_id, threading.Lock())
        with in_process:
            fresh = self._remembered(team_id)
            if fresh is not None:  # another thread of this process refreshed it while this one waited
                return fresh, False
            try:
                token, refreshed = refresh_locked(
                    self._engine,
                    client_id=self._client_id,
                    rotate=self._rotate,
                    team_id=team_id,
                    clock=self._clock,
                    margin=self._margin,
                )
            except NotInstalled:
                self.forget(team_id)
                raise
            except RefreshFailed as failed:
                self._failed(team_id, failed)
                raise
        with self._lock:
            self._last_failure.pop(team_id, None)
        self._remember(team_id, token)
        return token, refreshed

    def _failed(self, team_id: str, failed: RefreshFailed) -> None:
        self.forget(team_id)
        with self._lock:
            self._last_failure[team_id] = (self._monotonic() + RETRY_REFRESH_SECONDS, failed)
        if failed.permanent:
            note_token_failing(self._sessions, team_id, failed.error, self._clock())
            return
        logger.warning(
            "workspace %s: its bot token could not be refreshed (%s); trying again later",
            team_id,
            failed.error,
        )

    def _remembered(self, team_id: str) -> BotToken | None:
        """A token this process read or refreshed within RECHECK seconds and not due; else None."""
        with self._lock:
            known = self._known.get(team_id)
        if known is None or self._monotonic() - known[0] >= self._recheck:
            return None
        return None if known[1].due(self._clock(), self._margin) else known[1]

    def _remember(self, team_id: str, token: BotToken) -> None:
        with self._lock:
            self._known[team_id] = (self._monotonic(), token)
