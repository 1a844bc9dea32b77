"""The locked refresh of a rotating bot token (bot/installations/refresh.py, bot_tokens.py), on
SQLite and PostgreSQL, against the stand-in's OAuth: single-use refresh tokens, 12-hour tokens.

Workspaces are installed through "Add to Slack" with rotation on; two token sources on the same
database play two processes."""

import logging
import threading
from datetime import timedelta

import pytest
from sqlalchemy import event

from bot.installations.refresh import LAST_USE, MARGIN, RefreshFailed
from bot.outbound import Sender, SendFailed, WorkspaceGate
from bot.outbound.tokens import TokenUnavailable
from bot.outbound.workspace_health import WorkspaceHealth
from bot.services.workspaces import list_workspaces
from bot.slack.standin.oauth import TOKEN_LIFETIME, token_used
from tests import slack_requests as slack
from tests.e2e.install.conftest import CLIENT_ID, CLIENT_SECRET
from tests.e2e.install.rotating import (
    due_at,
    install_rotating,
    refreshes,
    slack_refusals,
    stored,
    token_source,
)
from tests.fixtures.bot import SIGNING_SECRET


def test_a_token_is_refreshed_only_once_it_is_due(install_server):
    installed_at = install_server.clock.now
    tokens = install_rotating(install_server, "T1")
    source = token_source(install_server, recheck=0)

    install_server.clock.now = due_at(installed_at) - timedelta(seconds=2)
    assert source.token_for("T1") == tokens["T1"]
    assert refreshes(install_server) == []

    install_server.clock.now = due_at(installed_at)
    fresh = source.token_for("T1")

    assert fresh != tokens["T1"]
    [refresh] = refreshes(install_server)
    new_token, new_refresh, expires = stored(install_server, "T1")
    assert new_token == fresh == refresh.answer["access_token"]
    assert new_refresh == refresh.answer["refresh_token"]
    # Counted on goalbot's clock, not the wall's: Slack's 12 hours from the refresh.
    assert expires == (install_server.clock.now + TOKEN_LIFETIME).replace(tzinfo=None)
    assert source.token_for("T1") == fresh and len(refreshes(install_server)) == 1
    assert slack_refusals(install_server) == []


@pytest.mark.parametrize("threads", [2, 8])
def test_processes_refreshing_at_once_use_the_refresh_token_once(install_server, threads):
    installed_at = install_server.clock.now
    install_rotating(install_server, "T1")
    install_server.clock.now = due_at(installed_at) + timedelta(minutes=1)
    processes = [token_source(install_server) for _ in range(threads)]  # a source each: no shared memory
    start, got = threading.Barrier(threads), []

    def ask(source) -> None:
        start.wait()
        got.append(source.token_for("T1"))

    running = [threading.Thread(target=ask, args=(source,)) for source in processes]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=60)

    [refresh] = refreshes(install_server)
    assert got == [refresh.answer["access_token"]] * threads
    assert stored(install_server, "T1")[0] == refresh.answer["access_token"]
    assert slack_refusals(install_server) == []


def test_a_refresh_refused_for_good_marks_the_workspace_once_and_spares_the_others(install_server, caplog):
    installed_at = install_server.clock.now
    tokens = install_rotating(install_server, "T1", "T2")
    _burn_refresh_token(install_server, "T1")
    install_server.clock.now = due_at(installed_at) + timedelta(minutes=1)
    source = token_source(install_server)
    sessions = _sessions(install_server)
    health = WorkspaceHealth(sessions, clock=install_server.clock)
    sender = Sender(source, WorkspaceGate(1000.0), base_url=install_server.standin.base_url, health=health)
    install_server.standin.clear()

    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            with pytest.raises(SendFailed) as failed:
                sender.post("T1", channel="U1", text="hello")
            assert failed.value.retryable  # it waits for a reinstall, it is not dropped
        sender.post("T2", channel="U2", text="hello")

    marked = {ws.team_id: ws for ws in list_workspaces(sessions)}["T1"]
    assert marked.token_failing_since == install_server.clock.now
    assert marked.token_error == "invalid_refresh_token"
    assert (
        sum(
            "T1" in record.getMessage() and "refused its token" in record.getMessage()
            for record in caplog.records
        )
        == 1
    )
    assert len(refreshes(install_server)) == 2  # T1's try (then T1 is skipped), T2's refresh
    posts = install_server.standin.calls("chat.postMessage")
    assert [call.team_id for call in posts] == ["T2"]
    assert token_used(posts[0]) == stored(install_server, "T2")[0] != tokens["T2"]  # refreshed first


def test_slack_failing_a_refresh_for_a_moment_keeps_the_token_until_it_is_nearly_expired(install_server):
    installed_at = install_server.clock.now
    tokens = install_rotating(install_server, "T1")
    clock = install_server.clock
    now = [0.0]
    source = token_source(install_server, monotonic=lambda: now[0])
    standin = install_server.standin

    clock.now = due_at(installed_at) + timedelta(minutes=1)
    standin.fail_next("oauth.v2.access", status=503)
    assert source.token_for("T1") == tokens["T1"]  # still good for almost 2 hours
    standin.rate_limit_next("oauth.v2.access")
    now[0] += 120  # past this process's pause before trying again
    assert source.token_for("T1") == tokens["T1"]

    clock.now = installed_at + TOKEN_LIFETIME - LAST_USE  # too close to its expiry to hand out
    now[0] += 120
    standin.fail_next("oauth.v2.access", status=500)
    with pytest.raises(TokenUnavailable) as unavailable:
        source.token_for("T1")
    assert not unavailable.value.permanent
    assert all(ws.token_failing_since is None for ws in list_workspaces(_sessions(install_server)))

    now[0] += 120
    fresh = source.token_for("T1")  # Slack answers again: the same refresh token still works
    assert fresh != tokens["T1"] and fresh == stored(install_server, "T1")[0]
    assert len(refreshes(install_server)) == 4
    assert [call.answer.get("error") for call in refreshes(install_server)] == [
        "internal_error",
        "ratelimited",
        "internal_error",
        None,
    ]
    assert slack_refusals(install_server) == []


def test_refresh_if_due_says_why_it_failed(install_server):
    installed_at = install_server.clock.now
    install_rotating(install_server, "T1")
    _burn_refresh_token(install_server, "T1")
    install_server.clock.now = due_at(installed_at)
    with pytest.raises(RefreshFailed) as failed:
        token_source(install_server).refresh_if_due("T1")
    assert (failed.value.error, failed.value.permanent) == ("invalid_refresh_token", True)


def test_the_margin_is_two_hours_and_nothing_is_due_before_it(install_server):
    installed_at = install_server.clock.now
    install_rotating(install_server, "T1", "T2")
    source = token_source(install_server)
    assert timedelta(hours=2) == MARGIN
    assert source.due_within_margin(due_at(installed_at) - timedelta(seconds=2)) == []
    assert source.due_within_margin(due_at(installed_at)) == ["T1", "T2"]


def _sessions(server):
    from models.db import make_sessionmaker

    return make_sessionmaker(server.engine)


def _burn_refresh_token(server, team_id: str) -> None:
    """Someone else uses the workspace's single-use refresh token (as a lockless refresher would)."""
    _, refresh_token, _ = stored(server, team_id)
    answer = server.standin.oauth.access(
        {},
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
        },
    )
    assert answer["ok"]


def test_a_command_from_a_workspace_whose_refresh_failed_for_good_calls_no_web_api(install_server):
    # The web path: Bolt's authorize asks the same token source (RefreshingStore), which refuses.
    installed_at = install_server.clock.now
    tokens = install_rotating(install_server, "T1", "T2")
    _burn_refresh_token(install_server, "T1")
    first_refresh = [stored(install_server, team)[1] for team in ("T1", "T2")]
    install_server.clock.now = due_at(installed_at) + timedelta(minutes=1)
    standin = install_server.standin
    standin.clear()

    for team_id in ("T1", "T2"):
        body, content_type = slack.slash_command(
            "new", team_id=team_id, user_id="U1", channel_id="C1", response_url=standin.response_url(team_id)
        )
        status, _headers, _raw = slack.post_signed(
            install_server.url + "/slack/events", body, content_type, SIGNING_SECRET
        )
        assert status == 200
    standin.wait_for("views.open")
    standin.settle()

    assert [call.team_id for call in standin.calls("views.open")] == ["T2"]
    assert token_used(standin.last("views.open")) == stored(install_server, "T2")[0] != tokens["T2"]
    assert [call.body["refresh_token"] for call in refreshes(install_server)] == first_refresh
    marked = {ws.team_id: ws.token_error for ws in list_workspaces(_sessions(install_server))}
    assert marked["T1"] == "invalid_refresh_token" and marked["T2"] is None
    assert [call for call in standin.calls() if token_used(call) == tokens["T1"]] == []


def test_a_pass_reads_its_workspaces_tokens_at_once_and_leaves_a_due_one_to_refresh(install_server):
    installed_at = install_server.clock.now
    tokens = install_rotating(install_server, "T1", "T2")
    source = token_source(install_server)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(install_server.engine, "before_cursor_execute", count)
    try:
        source.read_ahead(["T1", "T2", "T3"])
        assert len(statements) == 1
        assert [source.token_for(team) for team in ("T1", "T2")] == [tokens["T1"], tokens["T2"]]
        assert len(statements) == 1  # both known from the one read
        with pytest.raises(KeyError):
            source.token_for("T3")  # not installed: read, and refused, as before
    finally:
        event.remove(install_server.engine, "before_cursor_execute", count)

    install_server.clock.now = due_at(installed_at)
    later = token_source(install_server)
    later.read_ahead(["T1"])  # a token due is not kept: the next call refreshes it
    assert later.token_for("T1") != tokens["T1"] and len(refreshes(install_server)) == 1
