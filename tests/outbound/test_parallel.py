"""Workspaces served by one pool do not wait for each other: a workspace whose calls stall, or
that Slack answers 429 again and again, never holds back another's prompts. Ordering facts only:
the fast workspace is done before the slow one's stall (or pause) ends."""

import threading
import time
from datetime import UTC, datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.outbound import Sender, SendFailed, TokenPerWorkspace, WorkspaceGate
from bot.outbound.leases import Leases
from bot.outbound.workspaces import WorkspacePool

FAST, SLOW = "TFAST", "TSLOW"
AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
GIVE_UP = 30.0  # seconds: only reached if the pool ran the workspaces one after the other


class Answer:
    def __init__(self, channel: str) -> None:
        self.data = {"ok": True, "channel": channel, "ts": "1.000100"}


class FakeClient:
    """chat_postMessage for one workspace: answers at once, or first runs `before_answer`."""

    def __init__(self, before_answer=None) -> None:
        self.before_answer, self.posted = before_answer, 0

    def chat_postMessage(self, **message: Any) -> Answer:
        if self.before_answer is not None:
            self.before_answer()
        self.posted += 1
        return Answer(message["channel"])


class FakeClientSender(Sender):
    def __init__(self, clients: dict[str, FakeClient], gate: WorkspaceGate) -> None:
        super().__init__(
            TokenPerWorkspace({t: f"xoxb-{t}" for t in clients}), gate, base_url="http://unused/"
        )
        self.clients = clients

    def client(self, team_id: str) -> Any:
        self.tokens.token_for(team_id)
        return self.clients[team_id]


def rate_limited() -> None:
    response = SlackResponse(
        client=None,
        http_verb="POST",
        api_url="http://unused/chat.postMessage",
        req_args={},
        data={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "30"},
        status_code=429,
    )
    raise SlackApiError("ratelimited", response)


def test_a_workspace_with_stalled_calls_does_not_delay_another(sessions):
    seen_when_stall_ended: list[bool] = []
    fast_done = threading.Event()

    def stall() -> None:
        seen_when_stall_ended.append(fast_done.wait(GIVE_UP))

    clients = {SLOW: FakeClient(before_answer=stall), FAST: FakeClient()}
    gate = WorkspaceGate(1000.0)
    sender = FakeClientSender(clients, gate)
    pool = WorkspacePool(2, leases=Leases(sessions, holder="clock", clock=lambda: AT), gate=gate)

    def work(team: str) -> int:
        for n in range(5):
            sender.post(team, channel=f"D{n}", text="How is it going?")
        if team == FAST:
            fast_done.set()
        return clients[team].posted

    results = pool.serve([SLOW, FAST], work)  # the slow one first: it gets a thread first

    assert results == {SLOW: 5, FAST: 5}
    assert seen_when_stall_ended[0] is True  # the fast one was done before the first stall ended


def test_a_workspace_in_a_429_storm_does_not_delay_another(sessions):
    fast_done = threading.Event()
    pauses_ended_after_fast: list[bool] = []

    def sleep(seconds: float) -> None:
        if seconds >= 10:  # the storm's Retry-After pause (the fast lane waits a millisecond)
            pauses_ended_after_fast.append(fast_done.wait(GIVE_UP))
        else:
            time.sleep(seconds)

    clients = {SLOW: FakeClient(before_answer=rate_limited), FAST: FakeClient()}
    gate = WorkspaceGate(1000.0, sleep=sleep)
    sender = FakeClientSender(clients, gate)
    leases = Leases(sessions, holder="clock", clock=lambda: AT)
    pool = WorkspacePool(2, leases=leases, gate=gate)

    def work(team: str) -> str:
        try:
            for n in range(5):
                sender.post(team, channel=f"D{n}", text="How is it going?")
        except SendFailed as failed:
            return failed.error
        if team == FAST:
            fast_done.set()
        return "sent"

    results = pool.serve([SLOW, FAST], work)

    assert results == {SLOW: "gave up after 4 tries", FAST: "sent"} and clients[FAST].posted == 5
    assert pauses_ended_after_fast and all(pauses_ended_after_fast)
    assert leases.pacing_of(SLOW).paused_until is not None  # every process would honour it
    assert leases.pacing_of(FAST).paused_until is None
