"""The workspaces the stand-in plays, and which one each call is for.

One stand-in can play many Slack workspaces at once, as one app installed in many does. A call is
attributed to a team by its token when the token is a workspace's (`add_workspace(token=...)`);
otherwise by what it names: the channel's, the DM owner's or the user's team (so tick processes
that all speak with one SLACK_BOT_TOKEN are still told apart); otherwise the default workspace.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.slack.standin.directory import Directory, dm_owner


@dataclass(frozen=True)
class Workspace:
    team_id: str = "T1"
    team: str = "Stand-in Workspace"
    domain: str = "standin"
    bot_user_id: str = "UBOT"
    bot_id: str = "B1"
    app_id: str = "A1"


# Arguments that name what a call is about, in the order they are asked.
_CHANNEL_ARGUMENTS = ("channel", "channel_id")
_USER_ARGUMENTS = ("user", "user_id")


class Workspaces:
    def __init__(self, default: Workspace) -> None:
        self.default = default
        self._lock = threading.Lock()
        self._by_team: dict[str, Workspace] = {default.team_id: default}
        self._by_token: dict[str, str] = {}

    def add(self, team_id: str, *, name: str | None = None, token: str | None = None) -> Workspace:
        """A workspace of its own (team id, name; the default's bot and app ids); `token` speaks for it."""
        workspace = Workspace(
            team_id=team_id,
            team=name or f"Workspace {team_id}",
            domain=team_id.lower(),
            bot_user_id=self.default.bot_user_id,
            bot_id=self.default.bot_id,
            app_id=self.default.app_id,
        )
        with self._lock:
            self._by_team[team_id] = workspace
            if token is not None:
                self._by_token[token] = team_id
        return workspace

    def get(self, team_id: str | None) -> Workspace:
        """The workspace of `team_id`: an added one, else one named after it (a team only the
        directory knows), else the default."""
        if team_id is None:
            return self.default
        with self._lock:
            return self._by_team.get(team_id) or Workspace(team_id=team_id, team=f"Workspace {team_id}")

    def owns_token(self, token: str) -> bool:
        with self._lock:
            return token in self._by_token

    def team_of(self, token: str | None, args: dict[str, Any], directory: Directory) -> str:
        """The team a call is for: its token's workspace, else its channel's or user's team."""
        with self._lock:
            by_token = self._by_token.get(token) if token else None
        return (
            by_token
            or _named_team(args, directory.team_of_channel, directory.team_of_user)
            or (self.default.team_id)
        )


def _named_team(
    args: dict[str, Any],
    team_of_channel: Callable[[str], str | None],
    team_of_user: Callable[[str], str | None],
) -> str | None:
    for name in _CHANNEL_ARGUMENTS:
        channel = args.get(name)
        if isinstance(channel, str) and channel:
            if channel.startswith("D"):
                return team_of_user(dm_owner(channel))
            if channel.startswith(("U", "W")):  # chat.postMessage to a member's id: their DM
                return team_of_user(channel)
            return team_of_channel(channel)
    for name in _USER_ARGUMENTS:
        user = args.get(name)
        if isinstance(user, str) and user:
            return team_of_user(user)
    users = args.get("users")
    if isinstance(users, str) and users:
        return team_of_user(users.split(",")[0].strip())
    return None
