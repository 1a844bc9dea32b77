"""The loopback Slack answers slack_sdk's real clients the way Slack does."""

import json
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.entrypoints.console.loopback import LoopbackSlack, call_arguments
from bot.entrypoints.console.views import ViewStore
from bot.entrypoints.console.workspace import Output, ResponseTarget, Workspace
from tests.console.conftest import FIXED_NOW

MODAL = {
    "type": "modal",
    "callback_id": "goal_modal",
    "title": {"type": "plain_text", "text": "New goal"},
    "blocks": [
        {
            "type": "input",
            "block_id": "goal_title",
            "label": {"type": "plain_text", "text": "Goal"},
            "element": {"type": "plain_text_input", "action_id": "input"},
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": "no id given"}},
    ],
}


@pytest.fixture
def slack() -> Iterator[LoopbackSlack]:
    workspace = Workspace(timezone=ZoneInfo("America/New_York"), clock=lambda: FIXED_NOW)
    workspace.add_person("you", is_admin=True)
    with LoopbackSlack(workspace, ViewStore(), token="xoxb-console") as running:
        yield running


@pytest.fixture
def client(slack: LoopbackSlack) -> WebClient:
    return WebClient(token="xoxb-console", base_url=slack.api_url)


def test_auth_test_names_the_bot(client):
    reply = client.auth_test()

    assert (reply["team_id"], reply["user_id"], reply["bot_id"]) == ("T_CONSOLE", "U_GOALBOT", "B_GOALBOT")


def test_a_wrong_token_is_refused(slack):
    with pytest.raises(SlackApiError, match="invalid_auth"):
        WebClient(token="xoxb-other", base_url=slack.api_url).auth_test()


def test_users_info_gives_the_console_person_as_admin_in_the_workspace_zone(client):
    user = client.users_info(user="U_YOU")["user"]

    assert (user["name"], user["is_admin"], user["tz"], user["tz_offset"]) == (
        "you",
        True,
        "America/New_York",
        -5 * 3600,
    )


def test_messages_are_stored_and_queued_as_outputs(slack, client):
    posted = client.chat_postMessage(channel="C_GENERAL", text="hi", blocks=MODAL["blocks"][1:])
    client.chat_update(channel="C_GENERAL", ts=posted["ts"], text="edited")
    client.chat_postEphemeral(channel="C_GENERAL", user="U_YOU", text="psst")
    client.chat_postMessage(channel="U_YOU", text="dm")

    kinds = [(o.kind, o.channel_id, o.user_id) for o in slack.workspace.drain()]
    assert kinds == [
        ("message", "C_GENERAL", None),
        ("update", "C_GENERAL", None),
        ("ephemeral", "C_GENERAL", "U_YOU"),
        ("message", "D_YOU", None),
    ]
    stored = slack.workspace.message("C_GENERAL", posted["ts"])
    assert stored["text"] == "edited"
    assert stored["blocks"][0]["block_id"] == "console_0"  # Slack gives every block an id


def test_errors_carry_slacks_codes(client):
    with pytest.raises(SlackApiError, match="message_not_found"):
        client.chat_update(channel="C_GENERAL", ts="1.2", text="x")
    with pytest.raises(SlackApiError, match="no_text"), pytest.warns(UserWarning, match="text"):
        client.chat_postMessage(channel="C_GENERAL")
    with pytest.raises(SlackApiError, match="invalid_trigger_id"):
        client.views_open(trigger_id="made-up", view=MODAL)


def test_views_open_update_and_hash_conflicts(slack, client):
    opened = client.views_open(trigger_id=slack.workspace.new_trigger(), view=MODAL)["view"]
    slack.views.save_state(
        opened["id"], {"goal_title": {"input": {"type": "plain_text_input", "value": "typed"}}}
    )

    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)["view"]

    assert updated["id"] == opened["id"] and updated["hash"] != opened["hash"]
    assert updated["state"]["values"]["goal_title"]["input"]["value"] == "typed"
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)


def test_views_publish_queues_a_home_note(slack, client):
    client.views_publish(user_id="U_YOU", view={"type": "home", "blocks": []})

    assert slack.workspace.drain() == [Output("home", user_id="U_YOU")]
    assert slack.views.home("U_YOU")["type"] == "home"


def test_everyone_is_in_every_channel_the_console_knows(slack, client):
    slack.workspace.add_channel("general")
    slack.workspace.add_channel("ops")

    channels = client.users_conversations(user="U_YOU", types="public_channel")["channels"]

    assert [(c["id"], c["name"], c["is_member"]) for c in channels] == [
        ("C_GENERAL", "general", True),
        ("C_OPS", "ops", True),
    ]


def test_an_unknown_method_is_refused_and_noted(slack, client):
    with pytest.raises(SlackApiError, match="unknown_method"):
        client.api_call("reactions.add", json={"name": "tada"})

    [note] = slack.workspace.drain()
    assert note.note == "goalbot called reactions.add, which the console does not emulate"


def test_response_urls_replace_or_add_messages(slack):
    target = ResponseTarget("C_GENERAL", "U_YOU", message_ts="100.000100", ephemeral=True)
    url = slack.response_url(target)

    WebhookClient(url).send(text="replaced", replace_original=True)
    WebhookClient(url).send(text="for all", response_type="in_channel")

    first, second = slack.workspace.drain()
    assert (first.kind, first.ts, first.user_id, first.message["text"]) == (
        "update",
        "100.000100",
        "U_YOU",
        "replaced",
    )
    assert (second.kind, second.message["text"]) == ("message", "for all")
    assert WebhookClient(slack.base_url + "response/unknown").send(text="x").status_code == 404


def test_form_encoded_calls_have_their_json_arguments_decoded():
    body = "channel=C1&blocks=" + json.dumps([{"type": "divider"}])

    assert call_arguments("x=1", body, "application/x-www-form-urlencoded") == {
        "x": "1",
        "channel": "C1",
        "blocks": [{"type": "divider"}],
    }
