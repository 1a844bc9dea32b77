"""Bad payloads are refused over the wire in the shape Slack uses, and the reasons are kept."""

from collections.abc import Callable

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import SlackStandIn
from tests.standin.kit import modal, plain, section


@pytest.fixture
def client(slack_api: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack_api.base_url)


def _refusal(call: Callable[[], object]) -> dict:
    with pytest.raises(SlackApiError) as raised:
        call()
    assert raised.value.response.status_code == 200  # Slack refuses with HTTP 200 and ok: false
    return raised.value.response.data


@pytest.mark.parametrize(
    "send",
    [
        lambda c, blocks: c.chat_postMessage(channel="C1", text="t", blocks=blocks),
        lambda c, blocks: c.chat_postEphemeral(channel="C1", user="U1", text="t", blocks=blocks),
        lambda c, blocks: c.chat_update(channel="C1", ts="1.1", text="t", blocks=blocks),
    ],
    ids=["postMessage", "postEphemeral", "update"],
)
def test_messages_answer_invalid_blocks(client: WebClient, send: Callable[[WebClient, list], object]) -> None:
    answer = _refusal(lambda: send(client, [section("x" * 3001)]))
    reason = "section_text must be at most 3000 characters (got 3001) [json-pointer:/blocks/0/text/text]"
    assert answer == {
        "ok": False,
        "error": "invalid_blocks",
        "errors": [reason],
        "response_metadata": {"messages": [f"[ERROR] {reason}"]},
    }


def test_views_answer_invalid_arguments(client: WebClient) -> None:
    answer = _refusal(lambda: client.views_open(trigger_id="t", view=modal(section(), title=plain("t" * 25))))
    assert answer == {
        "ok": False,
        "error": "invalid_arguments",
        "response_metadata": {
            "messages": [
                "[ERROR] view_title must be at most 24 characters (got 25) [json-pointer:/view/title/text]"
            ]
        },
    }


def test_text_over_40000_characters(client: WebClient) -> None:
    assert (
        _refusal(lambda: client.chat_postMessage(channel="C1", text="x" * 40_001))["error"] == "msg_too_long"
    )
    assert client.chat_postMessage(channel="C1", text="x" * 40_000)["ok"]


def test_message_needs_text_or_blocks(client: WebClient) -> None:
    assert _refusal(lambda: client.api_call("chat.postMessage", json={"channel": "C1"}))["error"] == "no_text"


def test_blocks_that_are_not_json(client: WebClient) -> None:
    answer = _refusal(
        lambda: client.api_call("chat.postMessage", params={"channel": "C1", "blocks": "[oops"})
    )
    assert answer["error"] == "invalid_blocks_format"


def test_rejections_keep_the_call_and_the_reasons(slack_api: SlackStandIn, client: WebClient) -> None:
    _refusal(lambda: client.chat_postMessage(channel="C1", text="t", blocks=[{"type": "table"}]))
    [rejection] = slack_api.rejections()
    assert rejection.call.method == "chat.postMessage"
    assert rejection.error == "invalid_blocks"
    assert rejection.reasons == ["unknown block type 'table' [json-pointer:/blocks/0/type]"]
    with pytest.raises(AssertionError, match=r"rejected: chat\.postMessage: invalid_blocks"):
        slack_api.wait_for("views.open", timeout=0.05)
