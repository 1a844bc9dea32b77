"""Which bot token speaks for a workspace. One function, never a global: today every workspace
uses SLACK_BOT_TOKEN; OAuth installations will answer per team without changing any caller."""

from collections.abc import Callable

TokenSource = Callable[[str], str]


def single_token(token: str) -> TokenSource:
    """The one-workspace install: the same bot token for every team id."""

    def token_for(team_id: str) -> str:
        return token

    return token_for
