"""The console's requests are the shared builders' (bot/slack/standin/requests) with its own ids."""

import json
from urllib.parse import parse_qs

from slack_sdk.signature import SignatureVerifier

from bot.entrypoints.console.payloads import (
    Identity,
    Surface,
    app_home_opened,
    block_actions,
    slash_command,
    view_submission,
)
from bot.entrypoints.console.render import Choice
from bot.entrypoints.console.workspace import Person
from bot.slack.standin.requests import signed_bolt_request


def _form(payload) -> dict:
    body, _ = payload
    return {key: value[0] for key, value in parse_qs(body.decode(), keep_blank_values=True).items()}


def _interaction(payload) -> dict:
    return json.loads(_form(payload)["payload"])


WHO = Identity(Person("U_ALICE", "alice", True), "C_OPS", "ops")
BUTTON = {
    "type": "button",
    "action_id": "goal_show",
    "value": "1",
    "text": {"type": "plain_text", "text": "Open"},
}


def test_a_slash_command_is_a_form_with_slacks_fields():
    form = _form(slash_command(WHO, "/goals", "list", response_url="http://r", trigger_id="t1"))

    assert form == {
        "token": "verification-token",
        "team_id": "T_CONSOLE",
        "team_domain": "console",
        "channel_id": "C_OPS",
        "channel_name": "ops",
        "user_id": "U_ALICE",
        "user_name": "alice",
        "command": "/goals",
        "text": "list",
        "api_app_id": "A_CONSOLE",
        "is_enterprise_install": "false",
        "response_url": "http://r",
        "trigger_id": "t1",
    }


def test_requests_are_signed_with_the_v0_scheme():
    request = signed_bolt_request(b"a=1", "application/x-www-form-urlencoded", "s3cret")

    headers = {key: values[0] for key, values in request.headers.items()}
    assert SignatureVerifier("s3cret").is_valid(
        body="a=1", timestamp=headers["x-slack-request-timestamp"], signature=headers["x-slack-signature"]
    )


def test_a_button_on_a_message_carries_the_message_and_a_response_url():
    message = {"ts": "5.000100", "text": "G1", "blocks": []}
    surface = Surface("C_OPS", "5.000100", False, message)

    payload = _interaction(
        block_actions(WHO, Choice("Open", BUTTON, "g1"), surface, trigger_id="t", response_url="http://r")
    )

    assert payload["type"] == "block_actions"
    assert payload["actions"] == [
        {
            "type": "button",
            "action_id": "goal_show",
            "block_id": "g1",
            "action_ts": payload["actions"][0]["action_ts"],
            "text": BUTTON["text"],
            "value": "1",
        }
    ]
    assert payload["container"] == {
        "type": "message",
        "message_ts": "5.000100",
        "channel_id": "C_OPS",
        "is_ephemeral": False,
    }
    assert payload["message"] == message
    assert payload["response_url"] == "http://r"


def test_a_button_on_an_ephemeral_message_has_no_message():
    surface = Surface("C_OPS", "5.000100", True, {"text": "x"})

    payload = _interaction(
        block_actions(WHO, Choice("Open", BUTTON, "g1"), surface, trigger_id="t", response_url="http://r")
    )

    assert "message" not in payload
    assert payload["container"]["is_ephemeral"] is True


def test_a_menu_option_is_sent_as_selected_option():
    menu = {"type": "overflow", "action_id": "more", "options": []}
    option = {"text": {"type": "plain_text", "text": "Archive"}, "value": "a"}

    payload = _interaction(
        block_actions(
            WHO,
            Choice("Archive", menu, "b", option),
            Surface(view={"id": "V1"}),
            trigger_id="t",
            response_url=None,
        )
    )

    assert payload["actions"][0]["selected_option"] == option
    assert payload["container"] == {"type": "view", "view_id": "V1"}
    assert payload["state"] == {"values": {}}


def test_a_submission_carries_the_state_values():
    values = {"goal_title": {"input": {"type": "plain_text_input", "value": "Raise CSAT"}}}

    payload = _interaction(
        view_submission(WHO, {"id": "V1", "callback_id": "goal_modal"}, values, trigger_id="t")
    )

    assert payload["view"]["state"] == {"values": values}
    assert payload["view"]["callback_id"] == "goal_modal"
    assert payload["user"]["id"] == "U_ALICE" and payload["team"]["id"] == "T_CONSOLE"


def test_app_home_opened_is_an_event_callback():
    body = json.loads(app_home_opened(WHO, dm_channel="D_ALICE", view=None, event_ts="1767603600.000100")[0])

    assert body["type"] == "event_callback"
    assert body["event"] == {
        "type": "app_home_opened",
        "user": "U_ALICE",
        "channel": "D_ALICE",
        "tab": "home",
        "event_ts": "1767603600.000100",
    }
