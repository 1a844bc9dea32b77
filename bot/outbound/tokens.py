"""Which bot token speaks for a workspace. An interface, never a global: today every workspace
uses SLACK_BOT_TOKEN; the installation store will answer per team (and refresh a rotating token
before it expires) without changing any caller.

The Sender asks for the token on every call, not once per tick, so a source that refreshes hands
out the new token from the next call on; `token_for` is where that refresh belongs (the installed
workspaces' source, bot/installations/bot_tokens.py, does it there)."""

from collections.abc import Mapping
from typing import Protocol


class TokenUnavailable(Exception):
    """The workspace is installed but has no usable token now: its expiring token could not be
    refreshed. `permanent`: Slack refused the refresh for good (`invalid_refresh_token`, ...) and the
    workspace is marked token-failing; otherwise Slack was down or slow and a later call tries again.
    Either way its messages wait (retryable); no call goes out with an expired token."""

    def __init__(self, error: str, *, permanent: bool) -> None:
        super().__init__(error)
        self.error, self.permanent = error, permanent


class TokenSource(Protocol):
    def token_for(self, team_id: str) -> str:
        """The bot token for `team_id`, valid for at least the next call. Raises KeyError for a
        workspace it has no token for: the Sender then fails the message for good (`not_installed`);
        TokenUnavailable for one whose token could not be refreshed: the message waits."""
        ...


class SingleToken:
    """The one-workspace install: the same bot token (SLACK_BOT_TOKEN) for every team id."""

    def __init__(self, token: str) -> None:
        self._token = token

    def token_for(self, team_id: str) -> str:
        return self._token


class TokenPerWorkspace:
    """A token for each workspace by team id: tests and benchmarks serving many workspaces."""

    def __init__(self, tokens: Mapping[str, str]) -> None:
        self._tokens = dict(tokens)

    def token_for(self, team_id: str) -> str:
        return self._tokens[team_id]


def single_token(token: str) -> SingleToken:
    """Shorthand for SingleToken(token)."""
    return SingleToken(token)
