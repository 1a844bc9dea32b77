"""Junk of every payload type, signed, through the real HTTP server: each is answered 200 or 400
before any listener runs, with one log line and no traceback."""

import json
import logging
from urllib.parse import urlencode

import pytest

from handlers.ids import ActionId, CallbackId
from tests.fixtures.bot import CHANNEL, OWNER, TEAM

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
USER = {"id": OWNER, "username": "owner", "team_id": TEAM}
TEAM_FIELD = {"id": TEAM, "domain": "acme"}


def _interactive(payload: object) -> tuple[bytes, str]:
    return urlencode({"payload": json.dumps(payload)}).encode(), FORM


def _block_actions(**overrides) -> dict:
    payload = {
        "type": "block_actions",
        "team": TEAM_FIELD,
        "user": USER,
        "api_app_id": "A1",
        "trigger_id": "t-1",
        "container": {"type": "message", "channel_id": CHANNEL, "message_ts": "1.000100"},
        "channel": {"id": CHANNEL, "name": "general"},
        "message": {"ts": "1.000100", "text": ""},
        "response_url": "http://127.0.0.1:1/r",
        "actions": [{"type": "button", "action_id": ActionId.SHOW_GOAL.value, "block_id": "b", "value": "1"}],
    }
    return payload | overrides


def _view(**overrides) -> dict:
    view = {
        "id": "V1",
        "type": "modal",
        "callback_id": CallbackId.STRATEGY_MODAL.value,
        "private_metadata": json.dumps({"goal_id": 1}),
        "state": {"values": {}},
        "hash": "h",
    }
    return view | overrides


def _without(mapping: dict, key: str) -> dict:
    return {k: v for k, v in mapping.items() if k != key}


def _view_payload(kind: str, view: object) -> dict:
    return {
        "type": kind,
        "team": TEAM_FIELD,
        "user": USER,
        "api_app_id": "A1",
        "trigger_id": "t",
        "view": view,
    }


def _event(event: object) -> tuple[bytes, str]:
    body = {
        "token": "t",
        "team_id": TEAM,
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": "EvJUNK",
        "event_time": 1,
        "event": event,
    }
    return json.dumps(body).encode(), JSON


def _command(**fields) -> tuple[bytes, str]:
    base = {
        "command": "/goals",
        "text": "help",
        "team_id": TEAM,
        "user_id": OWNER,
        "channel_id": CHANNEL,
        "trigger_id": "t",
        "response_url": "http://127.0.0.1:1/r",
    }
    return urlencode({k: v for k, v in (base | fields).items() if v is not None}).encode(), FORM


JUNK = {
    "a button without action_id": _interactive(
        _block_actions(actions=[{"type": "button", "block_id": "b", "value": "1"}])
    ),
    "an action that is not an object": _interactive(_block_actions(actions=["click"])),
    "a button with a numeric action_id": _interactive(
        _block_actions(actions=[{"type": "button", "action_id": 7, "block_id": "b", "value": "1"}])
    ),
    "a view_submission without callback_id": _interactive(
        _view_payload("view_submission", _without(_view(), "callback_id"))
    ),
    "a view_submission without state": _interactive(
        _view_payload("view_submission", _without(_view(), "state"))
    ),
    "a view_submission whose view is a string": _interactive(_view_payload("view_submission", "V1")),
    "a view_closed without callback_id": _interactive(
        _view_payload("view_closed", _without(_view(), "callback_id"))
    ),
    "a shortcut without callback_id": _interactive(
        {"type": "shortcut", "team": TEAM_FIELD, "user": USER, "trigger_id": "t"}
    ),
    "a message_action without callback_id": _interactive(
        {
            "type": "message_action",
            "team": TEAM_FIELD,
            "user": USER,
            "trigger_id": "t",
            "channel": {"id": CHANNEL},
        }
    ),
    "a block_suggestion without action_id": _interactive(
        {"type": "block_suggestion", "team": TEAM_FIELD, "user": USER, "block_id": "b", "value": "x"}
    ),
    "an interaction of no known type": _interactive({"type": "surprise", "team": TEAM_FIELD, "user": USER}),
    "an interaction that is a list": _interactive([1, 2]),
    "a command whose name is not a slash command": _command(command="goals"),
    "a command without a channel": _command(channel_id=None),
    "an event without its event": _event(None),
    "an event without a type": _event({"user": OWNER, "channel": "D1"}),
    "an app_home_opened without a user": _event({"type": "app_home_opened", "tab": "home", "channel": "D1"}),
    "a member_joined_channel without a channel": _event({"type": "member_joined_channel", "user": OWNER}),
    "a user_change whose user is a string": _event({"type": "user_change", "user": OWNER}),
    "a message without a channel": _event(
        {"type": "message", "channel_type": "im", "user": OWNER, "text": "O1 5"}
    ),
}


@pytest.mark.parametrize("junk", JUNK.values(), ids=JUNK.keys())
def test_junk_is_answered_200_or_400_with_one_log_line(bot_server, caplog, junk):
    body, content_type = junk

    with caplog.at_level(logging.INFO):
        status, _, raw = bot_server.post(body, content_type, timeout=10)
        bot_server.standin.settle()

    assert status in (200, 400), (status, raw)
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [r for r in problems if r.exc_info], [r.getMessage() for r in problems]
    assert len(problems) == 1, [r.getMessage() for r in problems]
    assert "\n" not in problems[0].getMessage()
    assert bot_server.standin.calls() == [] or all(
        c.method == "auth.test" for c in bot_server.standin.calls()
    )


def test_well_formed_payloads_still_reach_their_listeners(bot_server, caplog):
    """The checks refuse junk only: Slack's own shapes (from the shared builders) pass."""
    with caplog.at_level(logging.WARNING, logger="handlers.payloads"):
        status, ack, _ = bot_server.command("help")
        event = {"type": "app_home_opened", "user": OWNER, "tab": "home", "channel": "D1"}
        event_status, _, _ = bot_server.event(event)
        bot_server.standin.wait_for("views.publish")

    assert status == 200 and "/goals new" in json.dumps(ack)
    assert event_status == 200
    assert not caplog.records
