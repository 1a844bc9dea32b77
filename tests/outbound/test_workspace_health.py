"""A workspace whose token stops working is marked, logged once and skipped, while every other
workspace is served as before; a call that works later clears the mark."""

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from bot.outbound import Sender, SendFailed, WorkspaceGate
from bot.outbound.workspace_health import WorkspaceHealth
from bot.outbound.workspaces import WorkspacePool
from bot.services.workspaces import list_workspaces, workspaces_to_serve
from bot.slack.standin import SlackStandIn

AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


class Tokens:
    """T2's token is one the stand-in refuses until a test swaps it (as a reinstall would)."""

    def __init__(self) -> None:
        self.by_team = {"T1": "xoxb-one", "T2": "xoxb-revoked"}

    def token_for(self, team_id: str) -> str:
        return self.by_team[team_id]


class Clock:
    def __init__(self) -> None:
        self.now = AT

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def standin():
    with SlackStandIn(tokens=["xoxb-one", "xoxb-two"]) as running:
        yield running


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def sender(standin, sessions, clock):
    health = WorkspaceHealth(sessions, clock=clock, recheck=0.0)
    return Sender(Tokens(), WorkspaceGate(1000.0), base_url=standin.base_url, health=health)


def _tokens_used(standin) -> list[str]:
    return [call.headers.get("authorization", "") for call in standin.calls("chat.postMessage")]


def test_a_failing_workspace_is_skipped_while_another_is_served(standin, sessions, sender, caplog):
    caplog.set_level(logging.WARNING, logger="bot.outbound.workspace_health")

    def work(team: str) -> list[str]:
        outcomes = []
        for n in range(3):
            try:
                sender.post(team, channel="C1", text=f"prompt {n}")
                outcomes.append("sent")
            except SendFailed as failed:
                outcomes.append(f"{failed.error} retryable={failed.retryable}")
        return outcomes

    done = WorkspacePool(threads=2).serve(["T1", "T2"], work)

    assert done["T1"] == ["sent", "sent", "sent"]
    # Only the first call reached Slack; the others waited, to go once the token works again.
    assert done["T2"] == ["invalid_auth retryable=True"] * 3
    assert _tokens_used(standin).count("Bearer xoxb-revoked") == 1
    assert _tokens_used(standin).count("Bearer xoxb-one") == 3
    failing = [r.getMessage() for r in caplog.records if "refused its token" in r.getMessage()]
    assert len(failing) == 1 and "T2" in failing[0] and "invalid_auth" in failing[0]
    (t1, t2) = list_workspaces(sessions)
    assert (t1.team_id, t1.token_failing_since) == ("T1", None)
    assert (t2.team_id, t2.token_failing_since, t2.token_error) == ("T2", AT, "invalid_auth")
    with sessions.begin() as session:
        assert workspaces_to_serve(session, ["T2", "T1"], AT + timedelta(minutes=1)) == ["T1"]


def test_another_process_skips_it_too_and_logs_nothing_new(standin, sessions, sender, clock, caplog):
    caplog.set_level(logging.WARNING, logger="bot.outbound.workspace_health")
    with pytest.raises(SendFailed):
        sender.post("T2", channel="C1", text="first")
    clock.now = AT + timedelta(minutes=1)
    other_process = Sender(
        Tokens(),
        WorkspaceGate(1000.0),
        base_url=standin.base_url,
        health=WorkspaceHealth(sessions, clock=clock),
    )
    with pytest.raises(SendFailed) as refused:
        other_process.post("T2", channel="C1", text="second")

    assert refused.value.error == "invalid_auth"
    assert _tokens_used(standin) == ["Bearer xoxb-revoked"]
    assert len([r for r in caplog.records if "refused its token" in r.getMessage()]) == 1


def test_a_call_that_works_later_clears_the_mark(standin, sessions, sender, clock):
    with pytest.raises(SendFailed):
        sender.post("T2", channel="C1", text="refused")
    sender.tokens.by_team["T2"] = "xoxb-two"  # an admin fixed it (say, reinstalled)
    clock.now = AT + timedelta(minutes=59)
    with pytest.raises(SendFailed):  # not tried again yet: still within the hour
        sender.post("T2", channel="C1", text="held back")

    clock.now = AT + timedelta(hours=1)
    sender.post("T2", channel="C1", text="the hourly try, which works")

    assert _tokens_used(standin) == ["Bearer xoxb-revoked", "Bearer xoxb-two"]
    assert {w.team_id: w.token_failing_since for w in list_workspaces(sessions)} == {"T2": None}
    with sessions.begin() as session:
        assert workspaces_to_serve(session, ["T2"], clock.now) == ["T2"]


def test_other_refusals_say_nothing_about_the_token(standin, sessions, sender):
    standin.fail_next("chat.postMessage", status=500, times=10)
    with pytest.raises(SendFailed) as failed:
        Sender(
            sender.tokens, WorkspaceGate(1000.0), base_url=standin.base_url, health=sender.health, attempts=1
        ).post("T1", channel="C1", text="Slack is down")
    assert failed.value.retryable
    assert [w.token_failing_since for w in list_workspaces(sessions)] == [None]


def test_a_pass_reads_every_workspaces_standing_at_once(sessions, clock):
    from bot.services.workspaces import mark_token_failing

    with sessions.begin() as session:
        mark_token_failing(session, "T2", "token_revoked", AT)
    reads: list[str] = []
    health = WorkspaceHealth(sessions, clock=clock, monotonic=lambda: 0.0)
    health.read_ahead(["T1", "T2", "T3"])  # T1 and T3 met for the first time: they get their rows

    def count(conn, cursor, statement, *args):
        reads.append(statement)

    event.listen(sessions.kw["bind"], "before_cursor_execute", count)
    try:
        refusals = [health.refusal(team) for team in ("T1", "T2", "T3")]
    finally:
        event.remove(sessions.kw["bind"], "before_cursor_execute", count)
    assert refusals == [None, "token_revoked", None]
    assert reads == []  # all three were known from the one read
    assert {w.team_id for w in list_workspaces(sessions)} >= {"T1", "T2", "T3"}
