"""The Web API methods the bot uses, answering as Slack does (HTTP 200, `ok` true or false)."""

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.slack.standin.checks import check_message, check_view, missing_arguments
from bot.slack.standin.users import Directory

Answer = dict[str, Any]


@dataclass(frozen=True)
class Workspace:
    team_id: str = "T1"
    team: str = "Stand-in Workspace"
    domain: str = "standin"
    bot_user_id: str = "UBOT"
    bot_id: str = "B1"
    app_id: str = "A1"


class WebApi:
    def __init__(self, workspace: Workspace, directory: Directory) -> None:
        self.workspace = workspace
        self.directory = directory
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self._view_hashes: dict[str, str] = {}

    def answer(self, method: str, args: dict[str, Any]) -> Answer:
        handler = _METHODS.get(method)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        refused = missing_arguments(method, args)
        return refused or handler(self, args)

    def next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._serial):06d}"

    def message(self, args: dict[str, Any], ts: str) -> Answer:
        message = {
            "type": "message",
            "text": args.get("text", ""),
            "user": self.workspace.bot_user_id,
            "bot_id": self.workspace.bot_id,
            "app_id": self.workspace.app_id,
            "team": self.workspace.team_id,
            "ts": ts,
        }
        for key in ("blocks", "attachments", "thread_ts", "metadata"):
            if key in args:
                message[key] = args[key]
        return message

    def stored_view(self, view: dict[str, Any], view_id: str | None = None) -> Answer:
        """The view as Slack echoes it back: the app's view plus ids, hash and empty state."""
        with self._lock:
            serial = next(self._serial)
            view_id = view_id or f"V{serial:08d}"
            view_hash = f"{time.time():.6f}.{serial:08x}"
            self._view_hashes[view_id] = view_hash
        ws = self.workspace
        return {
            **view,
            "id": view_id,
            "team_id": ws.team_id,
            "app_id": ws.app_id,
            "bot_id": ws.bot_id,
            "hash": view_hash,
            "root_view_id": view_id,
            "previous_view_id": None,
            "state": {"values": {}},
        }

    def hash_conflicts(self, view_id: str | None, given_hash: str | None) -> bool:
        with self._lock:
            current = self._view_hashes.get(view_id or "")
        return given_hash is not None and current is not None and given_hash != current


def _auth_test(api: WebApi, args: dict[str, Any]) -> Answer:
    ws = api.workspace
    return {
        "ok": True,
        "url": f"https://{ws.domain}.slack.com/",
        "team": ws.team,
        "user": "goalbot",
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


def _post_message(api: WebApi, args: dict[str, Any]) -> Answer:
    if refused := check_message(args):
        return refused
    ts = api.next_ts()
    return {"ok": True, "channel": args["channel"], "ts": ts, "message": api.message(args, ts)}


def _post_ephemeral(api: WebApi, args: dict[str, Any]) -> Answer:
    return check_message(args) or {"ok": True, "message_ts": api.next_ts()}


def _update(api: WebApi, args: dict[str, Any]) -> Answer:
    if refused := check_message(args):
        return refused
    ts = args["ts"]
    return {
        "ok": True,
        "channel": args["channel"],
        "ts": ts,
        "text": args.get("text", ""),
        "message": api.message(args, ts),
    }


def _views(surface: str | None, *, replaces: bool = False) -> Callable[[WebApi, dict[str, Any]], Answer]:
    def open_view(api: WebApi, args: dict[str, Any]) -> Answer:
        if refused := check_view(args, surface):
            return refused
        view_id = args.get("view_id") if replaces else None
        if replaces and api.hash_conflicts(view_id, args.get("hash")):
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": api.stored_view(args["view"], view_id)}

    return open_view


def _users_info(api: WebApi, args: dict[str, Any]) -> Answer:
    user = api.directory.get(args["user"])
    return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}


def _conversations_info(api: WebApi, args: dict[str, Any]) -> Answer:
    channel = args["channel"]
    is_im = channel.startswith("D")
    return {
        "ok": True,
        "channel": {
            "id": channel,
            "name": None if is_im else f"channel-{channel.lower()}",
            "is_channel": channel.startswith("C"),
            "is_im": is_im,
            "is_private": channel.startswith("G"),
            "is_member": True,
            "context_team_id": api.workspace.team_id,
        },
    }


def _users_conversations(api: WebApi, args: dict[str, Any]) -> Answer:
    user_id = args.get("user")
    if user_id and api.directory.get(user_id) is None:
        return {"ok": False, "error": "user_not_found"}
    channels = [
        {
            "id": c,
            "name": f"channel-{c.lower()}",
            "is_channel": c.startswith("C"),
            "is_private": c.startswith("G"),
            "is_member": True,
        }
        for c in api.directory.channels_of(user_id or "")
    ]
    return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}


_METHODS: dict[str, Callable[[WebApi, dict[str, Any]], Answer]] = {
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.postEphemeral": _post_ephemeral,
    "chat.update": _update,
    "views.open": _views("modal"),
    "views.push": _views("modal"),
    "views.update": _views(None, replaces=True),
    "views.publish": _views("home"),
    "users.info": _users_info,
    "users.conversations": _users_conversations,
    "conversations.info": _conversations_info,
}
