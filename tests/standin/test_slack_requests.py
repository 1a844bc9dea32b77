"""The request helpers build what Slack sends and sign it the way Slack documents."""

import json
import time
from urllib.parse import parse_qs

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.slack.standin import SlackStandIn
from bot.slack.standin.requests import (
    block_actions,
    event_callback,
    post_signed,
    sign,
    slash_command,
    state_value,
    view_submission,
)

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def _form(body: bytes) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(body.decode(), keep_blank_values=True).items()}


def test_signature_matches_slack_sdk() -> None:
    body, _ = slash_command("new Raise CSAT", response_url="http://127.0.0.1/response/x")
    now = int(time.time())
    headers = sign(SECRET, body, now)
    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert not SignatureVerifier("another-secret").is_valid_request(body, headers)
    assert headers["X-Slack-Signature"].startswith("v0=")


def test_signature_known_answer() -> None:
    # Recomputed independently of sign(): the v0 base string is "v0:<timestamp>:<body>".
    verifier = SignatureVerifier(SECRET)
    assert sign(SECRET, b"a=1", 1531420618)["X-Slack-Signature"] == verifier.generate_signature(
        timestamp="1531420618", body=b"a=1"
    )


def test_slash_command_has_every_field_slack_sends() -> None:
    body, content_type = slash_command("list", response_url="http://r", user_id="U9", channel_id="C9")
    fields = _form(body)
    assert content_type == "application/x-www-form-urlencoded"
    expected = {
        "token",
        "team_id",
        "team_domain",
        "channel_id",
        "channel_name",
        "user_id",
        "user_name",
        "command",
        "text",
        "api_app_id",
        "response_url",
        "trigger_id",
    }
    assert expected <= fields.keys()
    assert (fields["command"], fields["text"], fields["user_id"], fields["channel_id"]) == (
        "/goals",
        "list",
        "U9",
        "C9",
    )


def test_block_actions_from_a_message() -> None:
    body, _ = block_actions("checkin", "G12", response_url="http://r", block_id="goal")
    payload = json.loads(_form(body)["payload"])
    assert payload["type"] == "block_actions" and payload["user"]["id"] == "U1"
    [action] = payload["actions"]
    assert (action["action_id"], action["block_id"], action["value"], action["type"]) == (
        "checkin",
        "goal",
        "G12",
        "button",
    )
    assert payload["container"]["type"] == "message" and payload["channel"]["id"] == "C1"
    assert payload["response_url"] == "http://r"


def test_block_actions_from_a_view_with_a_select() -> None:
    view = {"id": "V9", "callback_id": "goal_edit", "private_metadata": "{}"}
    body, _ = block_actions("cadence", "monthly", view=view, action_type="static_select")
    payload = json.loads(_form(body)["payload"])
    assert payload["container"] == {"type": "view", "view_id": "V9"}
    assert payload["view"]["callback_id"] == "goal_edit" and "channel" not in payload
    assert payload["actions"][0]["selected_option"]["value"] == "monthly"


def test_view_submission_carries_state_values() -> None:
    values = {
        "title": {"value": state_value("plain_text_input", "Raise CSAT")},
        "due": {"value": state_value("datepicker", "2027-03-31")},
    }
    body, _ = view_submission(
        {"callback_id": "goal_new", "private_metadata": '{"p": 1}'}, values, user_id="U2"
    )
    payload = json.loads(_form(body)["payload"])
    assert payload["type"] == "view_submission" and payload["user"]["id"] == "U2"
    assert payload["view"]["callback_id"] == "goal_new"
    assert payload["view"]["private_metadata"] == '{"p": 1}'
    assert payload["view"]["state"]["values"] == values


@pytest.mark.parametrize(
    ("element_type", "value", "expected"),
    [
        ("plain_text_input", "hi", {"value": "hi"}),
        ("number_input", "85", {"value": "85"}),
        ("datepicker", "2027-03-31", {"selected_date": "2027-03-31"}),
        ("users_select", "U3", {"selected_user": "U3"}),
        ("static_select", None, {"selected_option": None}),
    ],
)
def test_state_value(element_type: str, value: str | None, expected: dict) -> None:
    assert state_value(element_type, value) == {"type": element_type, **expected}


def test_state_value_for_a_chosen_option() -> None:
    chosen = state_value("static_select", "monthly", text="Monthly")["selected_option"]
    assert chosen == {"text": {"type": "plain_text", "text": "Monthly", "emoji": True}, "value": "monthly"}


def test_event_callback_is_json() -> None:
    body, content_type = event_callback(
        {"type": "app_home_opened", "user": "U1"}, event_id="Ev9", event_time=5
    )
    payload = json.loads(body)
    assert content_type == "application/json"
    assert (payload["type"], payload["event_id"], payload["event_time"]) == ("event_callback", "Ev9", 5)
    assert payload["event"]["type"] == "app_home_opened" and payload["authorizations"][0]["team_id"] == "T1"


def test_post_signed_returns_http_errors(slack_api: SlackStandIn) -> None:
    status, headers, body = post_signed(
        f"http://127.0.0.1:{slack_api.port}/elsewhere", b"{}", "application/json", SECRET
    )
    assert (status, body) == (404, b"not found")
    assert headers["content-type"].startswith("text/plain")
    status, _, body = post_signed(slack_api.response_url(), b'{"text": "hi"}', "application/json", SECRET)
    assert (status, body) == (200, b"ok")
    call = slack_api.last("response_url")
    assert SignatureVerifier(SECRET).is_valid_request(b'{"text": "hi"}', call.headers)


def test_fill_takes_initial_values_and_answers_for_every_input_kind() -> None:
    from bot.slack.standin.requests import fill

    options = [{"text": {"type": "plain_text", "text": t}, "value": t} for t in ("a", "b", "c")]
    view = {
        "blocks": [
            {
                "type": "input",
                "block_id": "t",
                "element": {"type": "plain_text_input", "action_id": "i", "initial_value": "x"},
            },
            {
                "type": "input",
                "block_id": "s",
                "element": {
                    "type": "static_select",
                    "action_id": "i",
                    "options": options,
                    "initial_option": options[1],
                },
            },
            {
                "type": "input",
                "block_id": "m",
                "element": {"type": "multi_static_select", "action_id": "i", "options": options},
            },
            {
                "type": "input",
                "block_id": "d",
                "element": {"type": "datepicker", "action_id": "i", "initial_date": "2027-03-31"},
            },
            {"type": "section", "text": {"type": "mrkdwn", "text": "not an input"}},
        ]
    }

    values = fill(view, {"m": ["a", "c"], "d": None})

    assert values == {
        "t": {"i": {"type": "plain_text_input", "value": "x"}},
        "s": {"i": {"type": "static_select", "selected_option": options[1]}},
        "m": {"i": {"type": "multi_static_select", "selected_options": [options[0], options[2]]}},
        "d": {"i": {"type": "datepicker", "selected_date": None}},
    }


def test_element_action_is_what_slack_sends_for_a_pressed_element() -> None:
    from bot.slack.standin.requests import element_action

    button = {"type": "button", "action_id": "go", "text": {"type": "plain_text", "text": "Go"}, "value": "1"}
    option = {"text": {"type": "plain_text", "text": "Edit"}, "value": "edit"}
    assert element_action(button, "b1") == {
        "type": "button",
        "action_id": "go",
        "block_id": "b1",
        "text": button["text"],
        "value": "1",
    }
    overflow = {"type": "overflow", "action_id": "more", "options": [option]}
    assert element_action(overflow, "b2", option)["selected_option"] == option
