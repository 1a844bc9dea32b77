"""The Web API methods the bot uses, answering as Slack does (HTTP 200, `ok` true or false).

Each method family lives in methods/; this module holds the workspace they share and routes a
call to its method after the checks every call gets (required arguments, then scopes).
"""

import itertools
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.slack.standin.checks import missing_arguments
from bot.slack.standin.directory import Directory
from bot.slack.standin.messages import MessageLog
from bot.slack.standin.scopes import missing_scope
from bot.slack.standin.uploads import Uploads
from bot.slack.standin.views import ViewStore
from bot.slack.standin.workspaces import Workspace, Workspaces

Answer = dict[str, Any]
Method = Callable[["WebApi", dict[str, Any]], Answer]


__all__ = ["Answer", "Method", "WebApi", "Workspace"]


class WebApi:
    def __init__(
        self,
        workspaces: Workspaces,
        directory: Directory,
        scopes: frozenset[str],
        upload_url: Callable[[str], str],
        clock: Callable[[], datetime],
    ) -> None:
        self.workspaces = workspaces
        self.directory = directory
        self.scopes = scopes
        self.upload_url = upload_url
        self.clock = clock
        self.messages = MessageLog()
        self.uploads = Uploads()
        default = workspaces.default
        self.views = ViewStore(
            {"team_id": default.team_id, "app_id": default.app_id, "bot_id": default.bot_id}
        )
        self._serial = itertools.count(1)
        self._answering = threading.local()  # each server thread answers one call at a time

    @property
    def workspace(self) -> Workspace:
        """The workspace of the call being answered (see workspaces.py), else the default one."""
        return getattr(self._answering, "workspace", None) or self.workspaces.default

    def answer(self, method: str, args: dict[str, Any], team_id: str | None = None) -> Answer:
        handler = _methods().get(method)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        refused = missing_arguments(method, args) or missing_scope(
            method, args, self.scopes, self.directory.kind_of
        )
        if refused:
            return refused
        self._answering.workspace = self.workspaces.get(team_id)
        try:
            return handler(self, args)
        finally:
            self._answering.workspace = None

    def next_ts(self) -> str:
        """Slack's message id: the stand-in clock's second, then a serial that keeps ids unique."""
        return f"{int(self.clock().timestamp())}.{next(self._serial):06d}"


def _methods() -> dict[str, Method]:
    from bot.slack.standin.methods import METHODS  # the families import WebApi's module for types

    return METHODS
