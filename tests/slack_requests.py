"""Requests shaped and signed the way Slack sends them to the bot, and a way to post them.

Payload shapes follow Slack's reference pages (slash commands, interaction payloads, the Events API);
signing follows "Verifying requests from Slack" (v0, HMAC-SHA256 of "v0:<timestamp>:<body>").
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
APP_ID = "A1"
BOT_USER_ID = "UBOT"
TEAM_DOMAIN = "standin"
# The deprecated verification token Slack still sends in every payload; Bolt ignores it.
VERIFICATION_TOKEN = "verification-token"
MESSAGE_TS = "1700000000.000100"

Payload = tuple[bytes, str]


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def post_signed(
    url: str,
    body: bytes,
    content_type: str,
    secret: str,
    *,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, dict[str, str], bytes]:
    """POSTs a signed request; returns (status, headers with lower-case names, body), errors included."""
    stamp = int(time.time()) if timestamp is None else timestamp
    sent = {"Content-Type": content_type, **sign(secret, body, stamp), **(headers or {})}
    request = urllib.request.Request(url, data=body, headers=sent, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, _lower(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, _lower(error.headers.items()), error.read()


def slash_command(
    text: str,
    *,
    command: str = "/goals",
    team_id: str = "T1",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str,
    trigger_id: str = "trigger-1",
) -> Payload:
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": f"channel-{channel_id.lower()}",
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    return urlencode(fields).encode(), FORM


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
    view: dict[str, Any] | None = None,
    action_type: str = "button",
) -> Payload:
    """A click (or pick, for selects) on a message, or in a view when `view` is given."""
    action = {**state_value(action_type, value), "action_id": action_id, "block_id": block_id}
    if action_type == "button":
        action["text"] = {"type": "plain_text", "text": value or action_id, "emoji": True}
    payload: dict[str, Any] = {
        **_envelope("block_actions", team_id, user_id),
        "trigger_id": trigger_id,
        "actions": [{**action, "action_ts": str(time.time())}],
        "state": {"values": {}},
    }
    if view is not None:
        shown = _view(view, team_id, {})
        payload |= {"container": {"type": "view", "view_id": shown["id"]}, "view": shown}
    else:
        shown = message or {"type": "message", "ts": MESSAGE_TS, "text": "", "user": BOT_USER_ID}
        container = {"type": "message", "message_ts": shown["ts"], "channel_id": channel_id}
        payload |= {
            "container": {**container, "is_ephemeral": False},
            "channel": {"id": channel_id, "name": f"channel-{channel_id.lower()}"},
            "message": shown,
        }
    if response_url is not None:
        payload["response_url"] = response_url
    return _interactive(payload)


def view_submission(
    view: dict[str, Any],
    values: dict[str, dict[str, dict[str, Any]]],
    *,
    team_id: str = "T1",
    user_id: str = "U1",
    trigger_id: str = "trigger-1",
) -> Payload:
    """`view` carries callback_id / private_metadata (a View's to_dict() works); `values` is
    state.values: {block_id: {action_id: state_value(...)}}."""
    payload = {
        **_envelope("view_submission", team_id, user_id),
        "trigger_id": trigger_id,
        "view": _view(view, team_id, values),
        "response_urls": [],
    }
    return _interactive(payload)


def event_callback(
    event: dict[str, Any], *, team_id: str = "T1", event_id: str = "Ev0001", event_time: int = 1_700_000_000
) -> Payload:
    body = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": event_time,
        "authorizations": [_bot_authorization(team_id)],
        "is_ext_shared_channel": False,
    }
    return json.dumps(body).encode(), JSON


# What each element reports in state.values and in block_actions, by the key Slack uses.
_STATE_KEYS = {
    **dict.fromkeys(("plain_text_input", "number_input", "email_text_input", "url_text_input"), "value"),
    "button": "value",
    **dict.fromkeys(("static_select", "external_select", "radio_buttons", "overflow"), "selected_option"),
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "channels_select": "selected_channel",
}


def state_value(element_type: str, value: str | None, *, text: str | None = None) -> dict[str, Any]:
    """One element's state, e.g. state_value("static_select", "monthly") or
    state_value("datepicker", "2027-03-31"); None means the user left it empty."""
    if element_type not in _STATE_KEYS:
        raise ValueError(f"state_value knows {sorted(_STATE_KEYS)}, not {element_type!r}")
    key = _STATE_KEYS[element_type]
    chosen: Any = value
    if key == "selected_option" and value is not None:
        chosen = {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}
    return {"type": element_type, key: chosen}


def _envelope(kind: str, team_id: str, user_id: str) -> dict[str, Any]:
    return {
        "type": kind,
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "user": {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id},
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "enterprise": None,
        "is_enterprise_install": False,
    }


def _view(view: Any, team_id: str, values: dict[str, Any]) -> dict[str, Any]:
    view = view.to_dict() if hasattr(view, "to_dict") else dict(view)
    view_id = view.get("id", "V1")
    defaults = {"id": view_id, "team_id": team_id, "type": "modal", "blocks": [], "callback_id": ""}
    defaults |= {
        "private_metadata": "",
        "hash": "1700000000.standin",
        "app_id": APP_ID,
        "root_view_id": view_id,
    }
    return {**defaults, **view, "state": {"values": values}}


def _bot_authorization(team_id: str) -> dict[str, Any]:
    return {"team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True, "is_enterprise_install": False}


def _interactive(payload: dict[str, Any]) -> Payload:
    return urlencode({"payload": json.dumps(payload)}).encode(), FORM


def _lower(items: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in items}
