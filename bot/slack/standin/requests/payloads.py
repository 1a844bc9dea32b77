"""Payloads shaped as Slack's reference pages show them (slash commands, interactions, Events API).

Each builder returns (body bytes, content type). Ids default to the stand-in's workspace (T1,
U1 in C1); the console passes its own. Names default to ones derived from the ids.
"""

import json
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from bot.slack.standin.requests.state import state_key, state_value

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
APP_ID = "A1"
BOT_USER_ID = "UBOT"
TEAM_DOMAIN = "standin"
# The deprecated verification token Slack still sends in every payload; Bolt ignores it.
VERIFICATION_TOKEN = "verification-token"
MESSAGE_TS = "1700000000.000100"

Payload = tuple[bytes, str]


def slash_command(
    text: str,
    *,
    command: str = "/goals",
    team_id: str = "T1",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str,
    trigger_id: str = "trigger-1",
    user_name: str | None = None,
    channel_name: str | None = None,
    team_domain: str = TEAM_DOMAIN,
    app_id: str = APP_ID,
) -> Payload:
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name or f"channel-{channel_id.lower()}",
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    return urlencode(fields).encode(), FORM


def element_action(
    element: Mapping[str, Any], block_id: str | None, option: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The `actions[]` entry Slack sends when a person presses a button or picks `option` of a menu."""
    kind = str(element.get("type"))
    action: dict[str, Any] = {"type": kind, "action_id": element.get("action_id"), "block_id": block_id}
    if kind == "button":
        action["text"] = element.get("text")
        action.update({key: element[key] for key in ("value", "style") if key in element})
    elif state_key(kind) == "selected_option":
        action["selected_option"] = option
        if "placeholder" in element:
            action["placeholder"] = element["placeholder"]
    return action


def block_actions(
    action_id: str,
    value: str | None,
    *,
    team_id: str = "T1",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str | None = None,
    trigger_id: str = "trigger-1",
    block_id: str = "b",
    message: dict[str, Any] | None = None,
    view: Mapping[str, Any] | None = None,
    action_type: str = "button",
    action: Mapping[str, Any] | None = None,
    values: Mapping[str, Any] | None = None,
    is_ephemeral: bool = False,
    message_ts: str | None = None,
    user_name: str | None = None,
    channel_name: str | None = None,
    team_domain: str = TEAM_DOMAIN,
    app_id: str = APP_ID,
) -> Payload:
    """A click (or pick, for selects) on a message, or in a view when `view` is given (with the
    view's `values` so far). `action` replaces the one made from action_id/value/action_type."""
    if action is None:
        action = {**state_value(action_type, value), "action_id": action_id, "block_id": block_id}
        if action_type == "button":
            action["text"] = {"type": "plain_text", "text": value or action_id, "emoji": True}
    payload: dict[str, Any] = {
        **envelope("block_actions", team_id, user_id, user_name, team_domain, app_id),
        "trigger_id": trigger_id,
        "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
        "state": {"values": dict(values or {})},
    }
    if view is not None:
        shown = view_body(view, team_id, dict(values or {}), app_id)
        payload |= {"container": {"type": "view", "view_id": shown["id"]}, "view": shown}
    else:
        shown = message or {"type": "message", "ts": MESSAGE_TS, "text": "", "user": BOT_USER_ID}
        ts = message_ts or shown["ts"]
        container = {"type": "message", "message_ts": ts, "channel_id": channel_id}
        payload |= {
            "container": {**container, "is_ephemeral": is_ephemeral},
            "channel": {"id": channel_id, "name": channel_name or f"channel-{channel_id.lower()}"},
        }
        if not is_ephemeral:  # Slack leaves the message out of payloads from ephemeral messages
            payload["message"] = shown
    if response_url is not None:
        payload["response_url"] = response_url
    return interactive(payload)


def envelope(
    kind: str, team_id: str, user_id: str, user_name: str | None, domain: str, app_id: str
) -> dict[str, Any]:
    name = user_name or user_id.lower()
    return {
        "type": kind,
        "team": {"id": team_id, "domain": domain},
        "user": {"id": user_id, "username": name, "name": name, "team_id": team_id},
        "api_app_id": app_id,
        "token": VERIFICATION_TOKEN,
        "enterprise": None,
        "is_enterprise_install": False,
    }


def view_body(view: Any, team_id: str, values: dict[str, Any], app_id: str) -> dict[str, Any]:
    view = view.to_dict() if hasattr(view, "to_dict") else dict(view)
    view_id = view.get("id", "V1")
    defaults = {"id": view_id, "team_id": team_id, "type": "modal", "blocks": [], "callback_id": ""}
    defaults |= {
        "private_metadata": "",
        "hash": "1700000000.standin",
        "app_id": app_id,
        "root_view_id": view_id,
    }
    return {**defaults, **view, "state": {"values": values}}


def interactive(payload: dict[str, Any]) -> Payload:
    return urlencode({"payload": json.dumps(payload)}).encode(), FORM
