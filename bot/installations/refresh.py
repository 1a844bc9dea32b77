"""Refreshing a workspace's rotating bot token: each refresh token used exactly once, across every
web and clock process, and the new token stored for all of them at once.

With token rotation on, Slack's bot tokens expire after 12 hours and come with a single-use refresh
token. Two processes refreshing with the same refresh token would burn it: Slack answers the second
`invalid_refresh_token`, and whichever token was stored last may be the dead one. So a refresh:
1. takes a lock on the workspace's bot token that every process agrees on, until its transaction
   commits (models/dialect.py: an advisory lock on PostgreSQL, the write lock on SQLite);
2. reads the workspace's bot row again, and refreshes only if that row is still due: a process
   that waited for the lock finds the token the holder stored and uses it;
3. refreshes with slack_sdk's TokenRotator and writes the new token, refresh token and expiry into
   the same slack_bots row (and its slack_installations row), as the store's save_bot would,
   before the lock is let go.

A token is due MARGIN before it expires: the token handed out must outlast the call it is handed
out for, with its retries, Retry-After pauses and a web listener's lazy work (seconds to minutes),
and a clock job every few minutes gets many chances within MARGIN if Slack fails a refresh. Bolt's
own default (120 minutes) does both with a wide berth; refreshing 2 hours early costs one refresh
per ~10 hours instead of per 12. When a refresh fails but the token is still good for more than
LAST_USE before its expiry, it is still handed out (Slack being down does not stop goalbot).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackRequestError, SlackTokenRotationError
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator
from slack_sdk.web import SlackResponse
from sqlalchemy import Connection, Engine, Row, select, update

from bot.installations.stores import NotInstalled
from models.dialect import lock_until_commit
from models.installations import bots, installations

logger = logging.getLogger(__name__)

MARGIN = timedelta(minutes=120)
LAST_USE = timedelta(minutes=10)
# goalbot's clock decided the token is due, under the lock: TokenRotator's own test against the
# wall clock ("expires within N minutes") must never overrule it, so N is a few centuries.
_ALWAYS = 10**8


@dataclass(frozen=True)
class BotToken:
    token: str
    expires_at: datetime | None  # aware UTC; None: a token that does not expire (rotation off)

    def due(self, now: datetime, margin: timedelta = MARGIN) -> bool:
        return self.expires_at is not None and now >= self.expires_at - margin

    def usable(self, now: datetime) -> bool:
        """Good for one more call even though a refresh failed."""
        return self.expires_at is None or now < self.expires_at - LAST_USE


class RefreshFailed(Exception):
    """Slack did not refresh the token. `permanent`: it refused (the refresh token is dead, the
    app's credentials are wrong); otherwise it was down, slow or limiting, and a later try may work."""

    def __init__(self, error: str, *, permanent: bool) -> None:
        super().__init__(error)
        self.error, self.permanent = error, permanent


def latest_bot(connection: Connection, client_id: str, team_id: str) -> Row[Any] | None:
    """The workspace's bot row (its latest installation's), never a person's user token."""
    return connection.execute(
        select(bots)
        .where(bots.c.client_id == client_id, bots.c.team_id == team_id, bots.c.bot_token.is_not(None))
        .order_by(bots.c.installed_at.desc(), bots.c.id.desc())
        .limit(1)
    ).first()


def token_of(row: Row[Any]) -> BotToken:
    return BotToken(str(row.bot_token), _aware(row.bot_token_expires_at))


def refresh_locked(
    engine: Engine,
    *,
    client_id: str,
    rotate: Callable[[Bot, datetime], "Refreshed"],
    team_id: str,
    clock: Callable[[], datetime],
    margin: timedelta = MARGIN,
) -> tuple[BotToken, bool]:
    """The workspace's token, refreshed if it is due once the lock is held. (token, refreshed here)."""
    with engine.begin() as connection:
        lock_until_commit(connection, f"bot-token:{client_id}:{team_id}", bots)
        row = latest_bot(connection, client_id, team_id)  # read again now that the lock is ours
        if row is None:
            raise NotInstalled(f"goalbot is not installed in workspace {team_id}")
        now = clock()
        held = token_of(row)
        if not held.due(now, margin) or row.bot_refresh_token is None:
            return held, False  # another process refreshed it while this one waited
        fresh = rotate(SQLAlchemyInstallationStore.build_bot_entity(row._mapping), now)
        values = {
            "bot_token": fresh.token,
            "bot_refresh_token": fresh.refresh_token,
            "bot_token_expires_at": _naive(fresh.expires_at),
        }
        connection.execute(update(bots).where(bots.c.id == row.id).values(values))
        connection.execute(
            update(installations)
            .where(
                installations.c.client_id == client_id,
                installations.c.team_id == team_id,
                installations.c.installed_at == row.installed_at,
            )
            .values(values)
        )
    logger.info("workspace %s: bot token refreshed, it expires at %s", team_id, fresh.expires_at)
    return BotToken(fresh.token, fresh.expires_at), True


@dataclass(frozen=True)
class Refreshed:
    token: str
    refresh_token: str
    expires_at: datetime


class Rotate:
    """One refresh through slack_sdk's TokenRotator, against SLACK_API_BASE_URL."""

    def __init__(self, *, client_id: str, client_secret: str | None, base_url: str, timeout: int = 10):
        self._client_id, self._client_secret = client_id, client_secret
        self._base_url, self._timeout = base_url, timeout

    def __call__(self, bot: Bot, now: datetime) -> Refreshed:
        if not self._client_secret:
            raise RefreshFailed("SLACK_CLIENT_SECRET is not set", permanent=False)
        # No retry handlers: a refresh token is single-use, so an unanswered refresh is not repeated
        # blindly; the next caller (or the clock job) takes the lock and tries again.
        client = _KeepsAnswer(base_url=self._base_url, timeout=self._timeout, retry_handlers=[])
        rotator = TokenRotator(client_id=self._client_id, client_secret=self._client_secret, client=client)
        try:
            rotated = rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=_ALWAYS)
        except SlackTokenRotationError as error:
            response = error.api_error.response
            status = response.status_code
            code = str(response.get("error") or f"HTTP {status}")
            raise RefreshFailed(code, permanent=status < 500 and status != 429) from None
        except (SlackRequestError, OSError) as error:  # timeouts, refused or dropped connections
            raise RefreshFailed(f"no answer ({type(error).__name__})", permanent=False) from None
        answer = client.answer
        if rotated is None or answer is None or not rotated.bot_refresh_token:
            raise RefreshFailed("Slack's refresh answer has no bot token", permanent=True)
        # TokenRotator stamps the expiry from the wall clock; goalbot's clock is the one passed in,
        # so the expiry is Slack's expires_in counted from before the call (a little early, never late).
        lifetime = timedelta(seconds=int(answer["expires_in"]))
        return Refreshed(str(rotated.bot_token), str(rotated.bot_refresh_token), now + lifetime)


class _KeepsAnswer(WebClient):
    answer: SlackResponse | None = None

    def oauth_v2_access(self, **kwargs: Any) -> SlackResponse:
        self.answer = super().oauth_v2_access(**kwargs)
        return self.answer


def _aware(at: datetime | None) -> datetime | None:
    # slack_sdk stores naive UTC (normalize_datetime_for_db).
    if at is None:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None)
