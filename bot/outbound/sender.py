"""Posting with Slack's rules for a well-behaved app: wait for the workspace's turn, honour 429's
Retry-After (for the whole workspace), retry server errors and timeouts with backoff, and say
plainly when a message could not be sent so the caller can record a retry or a failure.

A post that got no answer at all (a timeout, a dropped connection) may have reached Slack, and
posting it again would post it twice. Such a call is not repeated here: it fails retryable, and
the outbox's next attempt first looks in the channel for the message (each outbox reconciles a
retried row from its message metadata) before posting. Only a refused connection, which Slack
never saw, is retried at once, like a 429 or a 5xx, which Slack answered without posting."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.outbound.call_times import CallTimes
from bot.outbound.gate import LaneClosed, WorkspaceGate
from bot.outbound.tokens import TokenSource, TokenUnavailable
from bot.outbound.workspace_health import TOKEN_ERRORS, WorkspaceHealth

logger = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER = 1.0
# Network faults slack_sdk raises itself (timeouts, refused connections) rather than as answers.
_TRANSIENT = (TimeoutError, ConnectionError, OSError, SlackRequestError)
# Methods that make something new each time they run: unsafe to repeat without looking first.
_NOT_REPEATABLE = frozenset({"chat_postMessage", "files_upload_v2", "files_completeUploadExternal"})


@dataclass(frozen=True)
class Sent:
    channel: str
    ts: str
    retries: int  # 429s, 5xx and timeouts it took


class SendFailed(Exception):
    """Not sent. `retryable`: a later tick may try again (Slack was down or slow); otherwise Slack
    refused the message itself (e.g. `channel_not_found`, `invalid_blocks`) and retrying won't help."""

    def __init__(self, error: str, *, retryable: bool, retries: int) -> None:
        super().__init__(error)
        self.error, self.retryable, self.retries = error, retryable, retries


class Sender:
    def __init__(
        self,
        tokens: TokenSource,
        gate: WorkspaceGate,
        *,
        base_url: str,
        timeout: int = 10,
        attempts: int = 4,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        health: WorkspaceHealth | None = None,
    ) -> None:
        self.tokens, self.gate = tokens, gate
        # Workspaces not to call (uninstalled, token failing); tick.tick_context sets it.
        self.health = health
        self._base_url, self._timeout = base_url, timeout
        self._attempts, self._backoff, self._sleep = attempts, backoff, sleep
        # One client per workspace while its token stays the same: making one was more than the
        # rest of a call's own CPU. A client is never changed once made, so threads share it.
        self._clients: dict[str, WebClient] = {}
        self.call_times = CallTimes()  # how long Slack takes to answer: posts in flight to keep pace

    def read_ahead(self, team_ids: list[str]) -> None:
        """Before a pass calls many workspaces: their standing and (where the token source can)
        their tokens in one read each, not one per workspace at its first call."""
        if self.health is not None:
            self.health.read_ahead(team_ids)
        read_tokens = getattr(self.tokens, "read_ahead", None)
        if read_tokens is not None:
            read_tokens(team_ids)

    def client(self, team_id: str) -> WebClient:
        """A client for the workspace with no retry handlers of its own: the sender retries. The
        token is asked for each time, so a token the source refreshed is used from the next call."""
        token = self.tokens.token_for(team_id)
        client = self._clients.get(team_id)
        if client is None or client.token != token:
            client = WebClient(token=token, base_url=self._base_url, timeout=self._timeout, retry_handlers=[])
            self._clients[team_id] = client  # two threads may both make one: either serves
        return client

    def post(self, team_id: str, **message: Any) -> Sent:
        """chat.postMessage for `team_id` (channel, text, blocks, metadata, thread_ts, …)."""
        answer = self.call(team_id, "chat_postMessage", **message)
        return Sent(channel=str(answer["channel"]), ts=str(answer["ts"]), retries=answer.get("_retries", 0))

    def call(self, team_id: str, method: str, **arguments: Any) -> dict[str, Any]:
        """Any Web API method, paced and retried like a post; returns Slack's answer as a dict."""
        refusal = self.health.refusal(team_id) if self.health else None
        if refusal is not None:  # its messages wait for a working token; none go after an uninstall
            raise SendFailed(refusal, retryable=refusal != "uninstalled", retries=0)
        try:
            client, retries = self.client(team_id), 0
        except KeyError:  # the token source knows no such workspace (not installed, or removed)
            raise SendFailed("not_installed", retryable=False, retries=0) from None
        except TokenUnavailable as unavailable:  # its token could not be refreshed: it waits
            if self.health and unavailable.permanent:
                self.health.forget(team_id)  # marked failing by the source: read it again
            raise SendFailed(unavailable.error, retryable=True, retries=0) from None
        for attempt in range(1, self._attempts + 1):
            try:
                self.gate.wait_turn(team_id)
            except LaneClosed:
                # Another process took the workspace over; it sends from now on, at the rate.
                raise SendFailed("workspace lease lost", retryable=True, retries=retries) from None
            started = time.monotonic()
            try:
                answer = dict(getattr(client, method)(**arguments).data)
                answer["_retries"] = retries
                if self.health:
                    self.health.succeeded(team_id)
                return answer
            except SlackApiError as error:
                status = error.response.status_code
                if status == 429:
                    self.gate.pause(team_id, _retry_after(error))
                elif status < 500:
                    code = str(error.response.get("error"))
                    if self.health and code in TOKEN_ERRORS:  # the token, not the message: it waits
                        self.health.failed(team_id, code)
                        raise SendFailed(code, retryable=True, retries=retries) from None
                    if code == "token_expired":  # a rotating token past its expiry (clocks apart?)
                        forget = getattr(self.tokens, "forget", None)
                        if forget is not None:  # read (and refresh) it again at the next call
                            forget(team_id)
                        raise SendFailed(code, retryable=True, retries=retries) from None
                    raise SendFailed(code, retryable=False, retries=retries) from None
                reason = f"HTTP {status}"
            except _TRANSIENT as error:
                reason = type(error).__name__
                if method in _NOT_REPEATABLE and not _never_reached_slack(error):
                    logger.info("%s for team %s: %s, not repeated", method, team_id, reason)
                    raise SendFailed(f"no answer ({reason})", retryable=True, retries=retries + 1) from None
            finally:
                self.gate.answered(team_id)  # counts in the workspace's window from now
                self.call_times.add(time.monotonic() - started)
            retries += 1
            if attempt < self._attempts and reason != "HTTP 429":
                self._sleep(self._backoff * 2 ** (attempt - 1))
            logger.info("%s for team %s: %s (attempt %d)", method, team_id, reason, attempt)
        raise SendFailed(f"gave up after {retries} tries", retryable=True, retries=retries)


def _never_reached_slack(error: BaseException) -> bool:
    """A refused connection (urllib wraps it in URLError.reason): nothing was sent."""
    return isinstance(error, ConnectionRefusedError) or isinstance(
        getattr(error, "reason", None), ConnectionRefusedError
    )


def _retry_after(error: SlackApiError) -> float:
    headers = {k.lower(): v for k, v in (error.response.headers or {}).items()}
    value = headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(value)) if value is not None else DEFAULT_RETRY_AFTER
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
