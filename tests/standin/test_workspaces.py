"""Many workspaces in one stand-in: calls attributed to a team, per-workspace rate limits, a 429
storm for one workspace only, and the rate each workspace received."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import SlackStandIn
from bot.slack.standin.rate_limits import RateLimits
from bot.slack.standin.traffic import most_in_window


def test_by_default_everything_belongs_to_the_one_workspace() -> None:
    with SlackStandIn() as standin:
        standin.add_user("U1")
        standin.add_channel("C1")
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        client.chat_postMessage(channel="C1", text="hi")
        client.users_info(user="U1")
        assert standin.user("U1")["team_id"] == "T1"
        assert [c.team_id for c in standin.calls()] == ["T1", "T1"]


def test_a_workspace_token_names_its_workspace_whatever_the_call_is_about() -> None:
    with SlackStandIn(tokens={"xoxb-default"}) as standin:
        standin.add_workspace("T2", name="Second", token="xoxb-second")
        standin.add_channel("C1")  # the default workspace's
        client = WebClient(token="xoxb-second", base_url=standin.base_url)
        assert (client.auth_test()["team_id"], client.auth_test()["team"]) == ("T2", "Second")
        posted = client.chat_postMessage(channel="C1", text="hi")
        assert posted["message"]["team"] == "T2"
        assert {c.team_id for c in standin.calls()} == {"T2"}
        assert WebClient(token="xoxb-default", base_url=standin.base_url).auth_test()["team_id"] == "T1"


def test_one_shared_token_is_attributed_by_the_channel_or_person_it_names() -> None:
    with SlackStandIn() as standin:
        standin.add_workspace("T2")
        standin.add_user("U_ANN", team_id="T2")
        standin.add_user("U_BOB")
        standin.add_channel("C_TWO", team_id="T2")
        client = WebClient(token="xoxb-one-for-all", base_url=standin.base_url)
        client.chat_postMessage(channel="U_ANN", text="your DM")
        client.chat_postMessage(channel="D_BOB", text="a DM by its id")
        client.conversations_info(channel="C_TWO")
        client.users_info(user="U_ANN")
        client.conversations_open(users="U_BOB")
        assert [c.team_id for c in standin.calls()] == ["T2", "T1", "T2", "T2", "T1"]
        assert [c.method for c in standin.calls(team_id="T1")] == ["chat.postMessage", "conversations.open"]


def test_a_user_added_with_channels_puts_them_in_the_users_team() -> None:
    with SlackStandIn() as standin:
        standin.add_user("U_ANN", team_id="T2", channels=("C_NEW",))
        assert standin.channel("C_NEW").team_id == "T2"


def test_the_per_workspace_limit_counts_each_workspace_on_its_own() -> None:
    with SlackStandIn(rate_limits_per_workspace={"chat.postMessage": 2}) as standin:
        standin.add_user("U_ANN", team_id="T2")
        standin.add_user("U_BOB", team_id="T3")
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        for _ in range(2):
            client.chat_postMessage(channel="U_ANN", text="ann")
            client.chat_postMessage(channel="U_BOB", text="bob")
        with pytest.raises(SlackApiError) as limited:
            client.chat_postMessage(channel="U_ANN", text="one too many")
        assert limited.value.response.status_code == 429
        assert int(limited.value.response.headers["Retry-After"]) >= 1
        assert standin.calls()[-1].answer == {"ok": False, "error": "ratelimited"}


def test_a_storm_rate_limits_one_workspace_and_leaves_the_others_alone() -> None:
    with SlackStandIn() as standin:
        standin.add_user("U_ANN", team_id="T2")
        standin.add_user("U_BOB", team_id="T3")
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        standin.storm("T2", seconds=30, retry_after=7)
        for method in (
            lambda: client.chat_postMessage(channel="U_ANN", text="x"),
            lambda: client.users_info(user="U_ANN"),
        ):
            with pytest.raises(SlackApiError) as limited:
                method()
            assert (limited.value.response.status_code, limited.value.response.headers["Retry-After"]) == (
                429,
                "7",
            )
        assert client.chat_postMessage(channel="U_BOB", text="y")["ok"]
        assert standin.messages.history("D_ANN") == []


def test_a_storm_ends_after_its_seconds_and_may_name_its_methods() -> None:
    now = [0.0]
    limits = RateLimits(clock=lambda: now[0])
    limits.storm("T2", seconds=5, retry_after=2, methods={"chat.postMessage"})
    assert limits.retry_after("chat.postMessage", "T2") == 2
    assert limits.retry_after("users.info", "T2") is None
    assert limits.retry_after("chat.postMessage", "T3") is None
    now[0] = 5.0
    assert limits.retry_after("chat.postMessage", "T2") is None


def test_per_workspace_windows_free_up_as_time_passes() -> None:
    now = [0.0]
    limits = RateLimits(clock=lambda: now[0], per_workspace={"m": 1})
    assert [limits.retry_after("m", "T2"), limits.retry_after("m", "T2"), limits.retry_after("m", "T3")] == [
        None,
        1,
        None,
    ]
    now[0] = 1.0
    assert limits.retry_after("m", "T2") is None


def test_the_most_calls_in_a_sliding_window() -> None:
    assert most_in_window([]) == 0
    assert most_in_window([0.0, 0.2, 0.4, 0.6, 0.8, 1.0]) == 5  # 1.0 starts the next window
    assert most_in_window([0.0, 2.0, 2.1, 2.9, 2.95, 5.0]) == 4
    assert most_in_window([3.0, 0.0, 0.5]) == 2  # order does not matter


def test_max_rate_and_first_and_last_are_per_workspace() -> None:
    with SlackStandIn() as standin:
        standin.add_user("U_ANN", team_id="T2")
        standin.add_user("U_BOB", team_id="T3")
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        for _ in range(3):
            client.chat_postMessage(channel="U_ANN", text="ann")
        client.chat_postMessage(channel="U_BOB", text="bob")
        assert standin.max_rate("T2", "chat.postMessage") == 3
        assert standin.max_rate("T3", "chat.postMessage") == 1
        assert standin.max_rate("T3", "users.info") == 0
        ann = [c.at for c in standin.calls(team_id="T2")]
        assert standin.first_and_last("T2") == (ann[0], ann[-1])
        assert standin.first_and_last("T9") is None


def test_a_stalled_token_holds_its_calls_and_then_answers_them() -> None:
    with SlackStandIn() as standin:
        standin.stall_token("xoxb-slow", 2.0)
        slow = WebClient(token="xoxb-slow", base_url=standin.base_url)
        fast = WebClient(token="xoxb-fast", base_url=standin.base_url)
        with ThreadPoolExecutor(1) as pool:
            held = pool.submit(slow.chat_postMessage, channel="C1", text="slow")
            [arrived] = standin.wait_for_arrival("chat.postMessage")
            assert fast.chat_postMessage(channel="C1", text="fast")["ok"]
            assert arrived.answer == {} and [m["text"] for m in standin.messages.history("C1")] == ["fast"]
            assert held.result(timeout=10)["ok"]
        assert [m["text"] for m in standin.messages.history("C1")] == ["slow", "fast"]
