"""The sender against the Slack stand-in: 429 pauses and retries, 5xx retries, refusals are final."""

import pytest

from bot.outbound import Sender, SendFailed, WorkspaceGate, single_token
from bot.slack.standin import SlackStandIn

TEAM = "T1"


@pytest.fixture
def standin():
    with SlackStandIn() as running:
        yield running


def sender_for(standin: SlackStandIn, slept: list[float], pauses: list[float]) -> Sender:
    class RecordingGate(WorkspaceGate):
        def pause(self, team_id: str, seconds: float) -> None:
            pauses.append(seconds)
            super().pause(team_id, seconds)

    gate = RecordingGate(1000.0, sleep=slept.append)
    return Sender(single_token("xoxb-test"), gate, base_url=standin.base_url, sleep=slept.append)


def test_a_post_returns_the_channel_and_ts(standin):
    sent = sender_for(standin, [], []).post(TEAM, channel="C1", text="hello")
    call = standin.last("chat.postMessage")
    assert call.body["text"] == "hello" and sent.ts and sent.channel == "C1" and sent.retries == 0


def test_a_429_pauses_the_workspace_for_retry_after_then_sends_once(standin):
    pauses: list[float] = []
    standin.rate_limit_next("chat.postMessage", retry_after=7)
    sent = sender_for(standin, [], pauses).post(TEAM, channel="C1", text="hello")
    assert pauses == [7.0] and sent.retries == 1
    assert len(standin.calls("chat.postMessage")) == 2  # the refused one and the one that went through


def test_server_errors_are_retried_with_backoff(standin):
    slept: list[float] = []
    standin.fail_next("chat.postMessage", status=503, times=2)
    sent = sender_for(standin, slept, []).post(TEAM, channel="C1", text="hello")
    assert sent.retries == 2 and [s for s in slept if s >= 0.5] == [0.5, 1.0]


def test_a_refusal_is_final_and_not_retried(standin):
    with pytest.raises(SendFailed) as failed:
        sender_for(standin, [], []).post(TEAM, channel="C1", text="x", blocks=[{"type": "nonsense"}])
    assert not failed.value.retryable and failed.value.error == "invalid_blocks"
    assert len(standin.calls("chat.postMessage")) == 1


def test_an_outage_gives_up_retryable_after_its_attempts(standin):
    standin.fail_next("chat.postMessage", status=500, times=10)
    with pytest.raises(SendFailed) as failed:
        sender_for(standin, [], []).post(TEAM, channel="C1", text="hello")
    assert failed.value.retryable and failed.value.retries == 4


def test_a_post_that_gets_no_answer_is_not_repeated_because_slack_may_have_it(standin):
    slept: list[float] = []
    sender = Sender(
        single_token("xoxb-test"),
        WorkspaceGate(1000.0),
        base_url=standin.base_url,
        timeout=1,
        sleep=slept.append,
    )
    standin.stall_next("chat.postMessage", seconds=2)
    with pytest.raises(SendFailed) as failed:
        sender.post(TEAM, channel="C1", text="hello")
    assert failed.value.retryable and failed.value.retries == 1 and not slept
    standin.settle()
    assert len(standin.calls("chat.postMessage")) == 1  # and it did arrive: the outbox will find it
    assert [m["text"] for m in standin.messages.history("C1")] == ["hello"]


def test_a_read_that_gets_no_answer_is_simply_asked_again(standin):
    sender = Sender(
        single_token("xoxb-test"),
        WorkspaceGate(1000.0),
        base_url=standin.base_url,
        timeout=1,
        sleep=[].append,
    )
    standin.stall_next("auth.test", seconds=2)
    answer = sender.call(TEAM, "auth_test")
    assert answer["ok"] and answer["_retries"] == 1
    assert len(standin.calls("auth.test")) == 2


def test_a_refused_connection_never_reached_slack_and_is_retried():
    sender = Sender(
        single_token("xoxb-test"), WorkspaceGate(1000.0), base_url="http://127.0.0.1:9/api/", sleep=[].append
    )
    with pytest.raises(SendFailed) as failed:
        sender.post(TEAM, channel="C1", text="hello")
    assert failed.value.retryable and failed.value.retries == 4  # every attempt was made
