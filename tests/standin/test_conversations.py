"""conversations.*, DMs and user groups, answered as Slack's reference pages describe them."""

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import SlackStandIn

ALL_SCOPES = {
    "chat:write",
    "users:read",
    "channels:read",
    "groups:read",
    "im:write",
    "channels:history",
    "im:history",
    "usergroups:read",
    "files:write",
}


@pytest.fixture
def standin():
    with SlackStandIn(scopes=ALL_SCOPES) as running:
        yield running


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=standin.base_url)


def test_members_come_in_pages_joined_by_next_cursor(standin, client) -> None:
    members = tuple(f"U{i}" for i in range(5))
    standin.add_channel("C1", members=members)
    seen, cursor, pages = [], None, 0
    while True:
        answer = client.conversations_members(channel="C1", limit=2, cursor=cursor)
        seen += answer["members"]
        pages += 1
        cursor = answer["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert seen == list(members) and pages == 3


def test_members_of_an_unknown_channel_and_a_made_up_cursor_are_refused(standin, client) -> None:
    standin.add_channel("C1", members=("U1",))
    for args, error in (
        ({"channel": "C404"}, "channel_not_found"),
        ({"channel": "C1", "cursor": "nope"}, "invalid_cursor"),
    ):
        with pytest.raises(SlackApiError) as refused:
            client.conversations_members(**args)
        assert refused.value.response["error"] == error


def test_open_gives_the_dm_of_a_member(standin, client) -> None:
    standin.add_user("U_ALICE")
    assert client.conversations_open(users="U_ALICE")["channel"]["id"] == "D_ALICE"
    with pytest.raises(SlackApiError) as refused:
        client.conversations_open(users="U_NOBODY")
    assert refused.value.response["error"] == "user_not_found"


def test_posting_to_a_member_id_lands_in_their_dm(standin, client) -> None:
    answer = client.chat_postMessage(channel="U7", text="Time to check in")
    assert answer["channel"] == "D7"
    assert [m["text"] for m in standin.messages.history("D7")] == ["Time to check in"]


def test_history_lists_the_bots_messages_newest_first_with_metadata_on_request(client) -> None:
    metadata = {"event_type": "checkin_prompt", "event_payload": {"goal": "G1"}}
    first = client.chat_postMessage(channel="C1", text="one", metadata=metadata)["ts"]
    client.chat_postMessage(channel="C1", text="two")
    client.chat_postMessage(channel="C2", text="elsewhere")
    plain = client.conversations_history(channel="C1")["messages"]
    assert [m["text"] for m in plain] == ["two", "one"] and "metadata" not in plain[1]
    full = client.conversations_history(channel="C1", include_all_metadata=True)["messages"]
    assert full[1]["metadata"] == metadata
    newer = client.conversations_history(channel="C1", oldest=first)["messages"]
    assert [m["text"] for m in newer] == ["two"]
    one = client.conversations_history(channel="C1", limit=1)
    assert [m["text"] for m in one["messages"]] == ["two"] and one["has_more"] is True


def test_history_with_latest_inclusive_and_limit_one_is_that_message(client) -> None:
    client.chat_postMessage(channel="C1", text="one")
    second = client.chat_postMessage(channel="C1", text="two")["ts"]
    client.chat_postMessage(channel="C1", text="three")
    exclusive = client.conversations_history(channel="C1", latest=second)["messages"]
    assert [m["text"] for m in exclusive] == ["one"]  # Slack's default: latest itself is left out
    [message] = client.conversations_history(channel="C1", latest=second, inclusive=True, limit=1)["messages"]
    assert (message["ts"], message["text"]) == (second, "two")


def test_an_update_changes_what_history_shows(client) -> None:
    ts = client.chat_postMessage(channel="C1", text="draft")["ts"]
    client.chat_update(channel="C1", ts=ts, text="final")
    [message] = client.conversations_history(channel="C1")["messages"]
    assert message["text"] == "final" and message["edited"]["user"] == "UBOT"


def test_users_info_carries_zone_and_state(standin, client) -> None:
    standin.add_user("U3", tz="Asia/Kolkata", deleted=True, is_bot=True)
    user = client.users_info(user="U3")["user"]
    assert (user["tz"], user["tz_offset"], user["deleted"], user["is_bot"]) == (
        "Asia/Kolkata",
        19800,
        True,
        True,
    )


def test_usergroup_members(standin, client) -> None:
    standin.add_usergroup("S1", ("U1", "U2"))
    assert client.usergroups_users_list(usergroup="S1")["users"] == ["U1", "U2"]
    with pytest.raises(SlackApiError) as refused:
        client.usergroups_users_list(usergroup="S9")
    assert refused.value.response["error"] == "no_such_subteam"


def test_replies_give_the_thread_parent_first_with_metadata_only_when_asked(standin, client) -> None:
    standin.add_channel("C1")
    parent = client.chat_postMessage(channel="C1", text="parent")["ts"]
    client.chat_postMessage(channel="C1", text="elsewhere")
    marked = {"event_type": "goalbot_report", "event_payload": {"post_id": 1, "part": 0}}
    client.chat_postMessage(channel="C1", thread_ts=parent, text="first", metadata=marked)
    client.chat_postMessage(channel="C1", thread_ts=parent, text="second")
    client.files_upload_v2(channel="C1", thread_ts=parent, content=b"png", filename="chart.png")

    thread = client.conversations_replies(channel="C1", ts=parent, include_all_metadata=True)["messages"]
    assert [m["text"] for m in thread[:3]] == ["parent", "first", "second"]
    assert thread[1]["metadata"] == marked
    assert [f["name"] for f in thread[3]["files"]] == ["chart.png"]
    plain = client.conversations_replies(channel="C1", ts=parent)["messages"]
    assert all("metadata" not in m for m in plain)
    with pytest.raises(SlackApiError) as refused:
        client.conversations_replies(channel="C1", ts="1.000001")
    assert refused.value.response["error"] == "thread_not_found"


def test_info_knows_which_channels_exist_and_whether_the_bot_is_in_them(standin, client) -> None:
    standin.add_channel("C1", name="general")
    standin.add_channel("C2", name="random", bot_member=False)
    standin.add_channel("G3", name="secret", bot_member=False)
    assert client.conversations_info(channel="C1")["channel"]["is_member"] is True
    assert client.conversations_info(channel="C2")["channel"]["is_member"] is False
    for hidden in ("CNOPE0000", "G3"):  # unknown, or private without the bot: Slack says the same
        with pytest.raises(SlackApiError, match="channel_not_found"):
            client.conversations_info(channel=hidden)
    with pytest.raises(SlackApiError, match="not_in_channel"):
        client.chat_postMessage(channel="C2", text="hello")


def test_list_pages_public_channels_and_the_private_ones_the_bot_is_in(standin, client) -> None:
    standin.add_channel("C1", name="general")
    standin.add_channel("C2", name="old", is_archived=True)
    standin.add_channel("G3", name="leads")
    standin.add_channel("G4", name="secret", bot_member=False)
    first = client.conversations_list(types="public_channel,private_channel", exclude_archived=True, limit=1)
    rest = client.conversations_list(
        types="public_channel,private_channel",
        exclude_archived=True,
        cursor=first["response_metadata"]["next_cursor"],
    )
    assert [c["name"] for c in first["channels"] + rest["channels"]] == ["general", "leads"]
    assert [c["name"] for c in client.conversations_list()["channels"]] == ["general", "old"]


def test_list_needs_the_read_scope_of_each_type() -> None:
    with SlackStandIn(scopes=frozenset({"channels:read"})) as narrow:
        client = WebClient(token="xoxb-test", base_url=narrow.base_url)
        assert client.conversations_list(types="public_channel")["ok"]
        with pytest.raises(SlackApiError, match="missing_scope"):
            client.conversations_list(types="public_channel,private_channel")
