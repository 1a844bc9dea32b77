"""The stand-in answers the Web API methods the bot uses, and records what it was sent."""

import json
import threading
import urllib.request
from urllib.parse import urlencode

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import SlackStandIn
from tests.standin.kit import input_block, modal, section


@pytest.fixture
def client(slack_api: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack_api.base_url)


def _post(url: str, data: bytes, content_type: str, **headers: str) -> dict:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type, **headers})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def test_auth_test_describes_the_bot(client: WebClient) -> None:
    answer = client.auth_test()
    assert {k: answer[k] for k in ("ok", "team_id", "user_id", "bot_id")} == {
        "ok": True,
        "team_id": "T1",
        "user_id": "UBOT",
        "bot_id": "B1",
    }
    assert answer["team"] and answer["url"].startswith("https://")


def test_json_post_is_recorded_with_blocks_as_lists(slack_api: SlackStandIn, client: WebClient) -> None:
    answer = client.chat_postMessage(channel="C1", text="Hi", blocks=[section("Hi")])
    call = slack_api.last("chat.postMessage")
    assert call.body == {"channel": "C1", "text": "Hi", "blocks": [section("Hi")]}
    assert call.headers["authorization"] == "Bearer xoxb-test"
    assert call.path == "/api/chat.postMessage"
    assert answer["channel"] == "C1" and answer["message"]["ts"] == answer["ts"]
    assert answer["message"]["blocks"] == [section("Hi")]


def test_form_post_json_strings_are_decoded(slack_api: SlackStandIn, client: WebClient) -> None:
    client.api_call(
        "chat.postMessage", params={"channel": "C1", "text": "t", "blocks": json.dumps([section()])}
    )
    assert slack_api.last("chat.postMessage").body["blocks"] == [section()]


def test_form_post_with_token_in_the_body(slack_api: SlackStandIn) -> None:
    view = json.dumps(modal(section()))
    form = urlencode({"token": "xoxb-form", "trigger_id": "t1", "view": view}).encode()
    answer = _post(slack_api.base_url + "views.open", form, "application/x-www-form-urlencoded")
    assert answer["ok"] and answer["view"]["id"].startswith("V") and answer["view"]["hash"]
    assert slack_api.last("views.open").body["view"] == modal(section())


def test_get_with_query_parameters(slack_api: SlackStandIn, client: WebClient) -> None:
    slack_api.add_user("U7", name="ana", tz="Europe/Lisbon", is_admin=True)
    user = client.users_info(user="U7")["user"]
    assert slack_api.last("users.info").body == {"user": "U7"}
    assert {
        k: user[k] for k in ("id", "team_id", "name", "tz", "is_admin", "is_owner", "is_bot", "deleted")
    } == {
        "id": "U7",
        "team_id": "T1",
        "name": "ana",
        "tz": "Europe/Lisbon",
        "is_admin": True,
        "is_owner": False,
        "is_bot": False,
        "deleted": False,
    }
    assert user["real_name"] == "Ana" and user["tz_offset"] in (0, 3600)


def test_unknown_user(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.users_info(user="U404")
    assert raised.value.response["error"] == "user_not_found"


@pytest.mark.parametrize(
    ("method", "args", "missing"),
    [
        ("chat.postMessage", {"text": "hi"}, "channel"),
        ("views.open", {"view": modal(section())}, "trigger_id or interactivity_pointer"),
        ("views.open", {"trigger_id": "t"}, "view"),
        ("views.publish", {"view": {"type": "home", "blocks": []}}, "user_id"),
        ("views.publish", {"user_id": "U1"}, "view"),
        ("users.info", {}, "user"),
    ],
)
def test_missing_arguments(client: WebClient, method: str, args: dict, missing: str) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.api_call(method, json=args)
    assert raised.value.response["error"] == "invalid_arguments"
    assert raised.value.response["response_metadata"]["messages"] == [
        f"[ERROR] missing required field: {missing}"
    ]


def test_unknown_method_and_bad_tokens(slack_api: SlackStandIn) -> None:
    answers = {}
    for token, method in [("xoxb-t", "files.upload2"), ("xoxp-user", "auth.test"), (None, "auth.test")]:
        try:
            WebClient(token=token, base_url=slack_api.base_url).api_call(method)
        except SlackApiError as error:
            answers[(token, method)] = error.response["error"]
    assert answers == {
        ("xoxb-t", "files.upload2"): "unknown_method",
        ("xoxp-user", "auth.test"): "invalid_auth",
        (None, "auth.test"): "not_authed",
    }


def test_configured_tokens_only() -> None:
    with SlackStandIn(tokens={"xoxb-right"}) as standin:
        assert WebClient(token="xoxb-right", base_url=standin.base_url).auth_test()["ok"]
        with pytest.raises(SlackApiError, match="invalid_auth"):
            WebClient(token="xoxb-wrong", base_url=standin.base_url).auth_test()


def test_views_echo_the_view_with_ids(client: WebClient) -> None:
    opened = client.views_open(trigger_id="t", view=modal(input_block(), callback_id="goal_new"))["view"]
    assert opened["callback_id"] == "goal_new" and opened["state"] == {"values": {}}
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=modal(section()))["view"]
    assert updated["id"] == opened["id"] and updated["hash"] != opened["hash"]
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=modal(section()))
    assert client.views_push(trigger_id="t", view=modal(section()))["view"]["id"] != opened["id"]
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.views_publish(user_id="U1", view=modal(section()))  # a modal is not a home tab


def test_ephemeral_update_and_conversation(slack_api: SlackStandIn, client: WebClient) -> None:
    assert client.chat_postEphemeral(channel="C1", user="U1", text="psst")["message_ts"]
    ts = client.chat_postMessage(channel="C1", text="first")["ts"]
    updated = client.chat_update(channel="C1", ts=ts, text="edited")
    assert updated["ts"] == ts and updated["message"]["text"] == "edited"
    slack_api.add_channel("C9", name="ops")
    assert client.conversations_info(channel="C9")["channel"]["name"] == "ops"


def test_updating_a_message_never_posted_is_message_not_found(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as refused:
        client.chat_update(channel="C1", ts="1.000001", text="edited")
    assert refused.value.response["error"] == "message_not_found"


def test_wait_for_sees_calls_from_other_threads(slack_api: SlackStandIn, client: WebClient) -> None:
    threads = [
        threading.Thread(target=client.chat_postMessage, kwargs={"channel": f"C{i}", "text": "x"})
        for i in range(8)
    ]
    for thread in threads:
        thread.start()
    calls = slack_api.wait_for("chat.postMessage", count=8)
    assert sorted(c.body["channel"] for c in calls) == [f"C{i}" for i in range(8)]
    for thread in threads:
        thread.join()


def test_wait_for_timeout_lists_what_was_recorded(slack_api: SlackStandIn, client: WebClient) -> None:
    client.auth_test()
    with pytest.raises(AssertionError, match=r"1 views.open call\(s\), got 0; recorded: auth.test"):
        slack_api.wait_for("views.open", timeout=0.1)
    slack_api.clear()
    assert slack_api.calls() == []
    with pytest.raises(AssertionError, match=r"no chat\.update call"):
        slack_api.last("chat.update")


def test_users_conversations_lists_the_channels_a_member_was_given(slack_api, client):
    slack_api.add_user("U9", channels=("C1", "G2"))
    listed = client.users_conversations(user="U9", types="public_channel,private_channel")
    assert [c["id"] for c in listed["channels"]] == ["C1", "G2"]
