"""The requests Slack would send for what the person did, shaped and signed as Slack sends them."""

import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.entrypoints.console.render import Choice
from bot.entrypoints.console.workspace import APP_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, Person

VERIFICATION_TOKEN = "console"  # Slack's legacy per-request token; Bolt ignores it
_TEAM = {"id": TEAM_ID, "domain": TEAM_DOMAIN}


@dataclass(frozen=True)
class Identity:
    """Who is typing, and where."""

    person: Person
    channel_id: str
    channel_name: str


@dataclass(frozen=True)
class Surface:
    """Where a pressed element lives: a message (maybe ephemeral) or a view (modal or Home)."""

    channel_id: str | None = None
    message_ts: str | None = None
    ephemeral: bool = False
    message: Mapping | None = None
    view: Mapping | None = None


def _user(person: Person) -> dict:
    return {"id": person.id, "username": person.name, "name": person.name, "team_id": TEAM_ID}


def _envelope(kind: str, who: Identity, trigger_id: str) -> dict:
    return {
        "type": kind,
        "team": _TEAM,
        "user": _user(who.person),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def slash_command_form(who: Identity, command: str, text: str, *, response_url: str, trigger_id: str) -> str:
    return urlencode(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": who.channel_id,
            "channel_name": who.channel_name,
            "user_id": who.person.id,
            "user_name": who.person.name,
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def action_of(choice: Choice, action_ts: str) -> dict:
    element = choice.element
    action = {
        "type": element.get("type"),
        "action_id": element.get("action_id"),
        "block_id": choice.block_id,
        "action_ts": action_ts,
    }
    if element.get("type") == "button":
        action["text"] = element.get("text")
        for key in ("value", "style"):
            if key in element:
                action[key] = element[key]
    else:
        action["selected_option"] = choice.option
        if "placeholder" in element:
            action["placeholder"] = element["placeholder"]
    return action


def block_actions_payload(
    who: Identity,
    choice: Choice,
    surface: Surface,
    *,
    trigger_id: str,
    response_url: str | None,
    action_ts: str,
) -> dict:
    payload = {**_envelope("block_actions", who, trigger_id), "actions": [action_of(choice, action_ts)]}
    if surface.view is not None:
        payload["container"] = {"type": "view", "view_id": surface.view["id"]}
        payload["view"] = dict(surface.view)
        payload["state"] = surface.view.get("state") or {"values": {}}
        return payload
    payload["container"] = {
        "type": "message",
        "message_ts": surface.message_ts,
        "channel_id": surface.channel_id,
        "is_ephemeral": surface.ephemeral,
    }
    payload["channel"] = {"id": surface.channel_id, "name": who.channel_name}
    payload["state"] = {"values": {}}
    payload["response_url"] = response_url
    if not surface.ephemeral and surface.message is not None:
        payload["message"] = dict(surface.message)
    return payload


def view_submission_payload(who: Identity, view: Mapping, values: Mapping, *, trigger_id: str) -> dict:
    submitted = {**view, "state": {"values": values}}
    return {**_envelope("view_submission", who, trigger_id), "view": submitted, "response_urls": []}


def view_closed_payload(who: Identity, view: Mapping, *, is_cleared: bool) -> dict:
    envelope = _envelope("view_closed", who, "")
    envelope.pop("trigger_id")
    return {**envelope, "view": dict(view), "is_cleared": is_cleared}


def app_home_opened_event(who: Identity, *, dm_channel: str, view: Mapping | None, event_ts: str) -> dict:
    event = {
        "type": "app_home_opened",
        "user": who.person.id,
        "channel": dm_channel,
        "tab": "home",
        "event_ts": event_ts,
    }
    if view is not None:
        event["view"] = dict(view)
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": "Ev" + secrets.token_hex(6).upper(),
        "event_time": int(float(event_ts)),
        "is_ext_shared_channel": False,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
    }


def interactive_form(payload: Mapping) -> str:
    return urlencode({"payload": json.dumps(payload)})


def signed_request(body: str, *, secret: str, content_type: str) -> BoltRequest:
    """Signed with Slack's v0 scheme against the wall clock, which is what Bolt checks."""
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
    headers = {
        "content-type": content_type,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
    }
    return BoltRequest(body=body, headers=headers)
