"""The Web API methods the bot uses, answering as Slack does (HTTP 200, `ok` true or false).

Each method family lives in methods/; this module holds the workspace they share and routes a
call to its method after the checks every call gets (required arguments, then scopes).
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.slack.standin.checks import missing_arguments
from bot.slack.standin.directory import Directory
from bot.slack.standin.messages import MessageLog
from bot.slack.standin.scopes import missing_scope
from bot.slack.standin.uploads import Uploads
from bot.slack.standin.views import ViewStore

Answer = dict[str, Any]
Method = Callable[["WebApi", dict[str, Any]], Answer]


@dataclass(frozen=True)
class Workspace:
    team_id: str = "T1"
    team: str = "Stand-in Workspace"
    domain: str = "standin"
    bot_user_id: str = "UBOT"
    bot_id: str = "B1"
    app_id: str = "A1"


class WebApi:
    def __init__(
        self,
        workspace: Workspace,
        directory: Directory,
        scopes: frozenset[str],
        upload_url: Callable[[str], str],
        clock: Callable[[], datetime],
    ) -> None:
        self.workspace = workspace
        self.directory = directory
        self.scopes = scopes
        self.upload_url = upload_url
        self.clock = clock
        self.messages = MessageLog()
        self.uploads = Uploads()
        self.views = ViewStore(
            {"team_id": workspace.team_id, "app_id": workspace.app_id, "bot_id": workspace.bot_id}
        )
        self._serial = itertools.count(1)

    def answer(self, method: str, args: dict[str, Any]) -> Answer:
        handler = _methods().get(method)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        refused = missing_arguments(method, args) or missing_scope(
            method, args, self.scopes, self.directory.kind_of
        )
        return refused or handler(self, args)

    def next_ts(self) -> str:
        """Slack's message id: the stand-in clock's second, then a serial that keeps ids unique."""
        return f"{int(self.clock().timestamp())}.{next(self._serial):06d}"


def _methods() -> dict[str, Method]:
    from bot.slack.standin.methods import METHODS  # the families import WebApi's module for types

    return METHODS
