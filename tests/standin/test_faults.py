"""Injected failures: rate limits the client retries, server errors, and answers that come too late."""

import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.slack.standin import SlackStandIn


def test_rate_limit_is_retried_after_retry_after(slack_api: SlackStandIn) -> None:
    slack_api.rate_limit_next("chat.postMessage", retry_after=0)
    client = WebClient(
        token="xoxb-test", base_url=slack_api.base_url, retry_handlers=[RateLimitErrorRetryHandler()]
    )
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    assert len(slack_api.calls("chat.postMessage")) == 2


def test_rate_limit_answer_is_what_slack_sends(slack_api: SlackStandIn) -> None:
    slack_api.rate_limit_next("auth.test", retry_after=7)
    with pytest.raises(SlackApiError) as raised:
        WebClient(token="xoxb-test", base_url=slack_api.base_url).auth_test()
    response = raised.value.response
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert response.data == {"ok": False, "error": "ratelimited"}


def test_server_error_surfaces_as_slack_api_error_once(slack_api: SlackStandIn) -> None:
    slack_api.fail_next("views.publish", status=503)
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url)
    home = {"type": "home", "blocks": []}
    with pytest.raises(SlackApiError) as raised:
        client.views_publish(user_id="U1", view=home)
    assert raised.value.response.status_code == 503
    assert client.views_publish(user_id="U1", view=home)["ok"]  # used up by one call


def test_failures_are_counted_per_method(slack_api: SlackStandIn) -> None:
    slack_api.fail_next("chat.postMessage", times=2)
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url)
    assert client.auth_test()["ok"]
    for _ in range(2):
        with pytest.raises(SlackApiError):
            client.chat_postMessage(channel="C1", text="hi")
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    assert slack_api.rejections() == []  # injected failures are not the bot's fault


def test_fail_next_is_for_server_errors(slack_api: SlackStandIn) -> None:
    with pytest.raises(ValueError, match="5xx"):
        slack_api.fail_next("auth.test", status=404)


def test_stall_makes_a_short_timeout_expire(slack_api: SlackStandIn) -> None:
    # Bounds far from both the timeout and the stall: a busy machine (parallel workers) can add seconds.
    slack_api.stall_next("chat.postMessage", seconds=20)
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url, timeout=1, retry_handlers=[])
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel="C1", text="hi")
    assert time.monotonic() - started < 15
    assert len(slack_api.calls("chat.postMessage")) == 1


def test_stalled_answer_still_arrives_when_the_client_waits(slack_api: SlackStandIn) -> None:
    slack_api.stall_next("auth.test", seconds=0.3)
    started = time.monotonic()
    assert WebClient(token="xoxb-test", base_url=slack_api.base_url).auth_test()["ok"]
    assert time.monotonic() - started >= 0.3


def test_close_does_not_wait_for_a_stall() -> None:
    standin = SlackStandIn().start()
    standin.stall_next("auth.test", seconds=60)
    client = WebClient(token="xoxb-test", base_url=standin.base_url, timeout=0.5, retry_handlers=[])
    with pytest.raises(TimeoutError):
        client.auth_test()
    started = time.monotonic()
    standin.close()
    assert time.monotonic() - started < 30  # far below the 60 s stall, far above a busy machine's pause
