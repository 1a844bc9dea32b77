"""The clock's token job (bot/installations/refresh_job.py): rotating tokens due within the margin
are refreshed ahead of expiry, each once however many clocks run it, a workspace marked failing is
left alone, and `goalbot workspaces` shows when each rotating token expires."""

import threading
from datetime import timedelta

from bot.entrypoints import cli
from bot.entrypoints.scheduler import JOBS, JobContext
from bot.entrypoints.tick import build_sender, tick_context
from bot.installations.refresh_job import refresh_due_tokens
from bot.services.workspaces import mark_token_failing
from bot.slack.standin.oauth import TOKEN_LIFETIME
from tests.cli.environment import SETTING_NAMES
from tests.e2e.install.conftest import CLIENT_ID, CLIENT_SECRET
from tests.e2e.install.installing import distributed_settings
from tests.e2e.install.rotating import (
    due_at,
    install_rotating,
    refreshes,
    slack_refusals,
    stored,
    token_source,
)


def test_the_job_refreshes_due_tokens_once_across_two_clocks(install_server, sessions):
    early = install_server.clock.now
    tokens = install_rotating(install_server, "T1", "T2")
    install_server.clock.now = early + timedelta(hours=3)
    late = install_rotating(install_server, "T3")  # not due when the others are
    now = due_at(early) + timedelta(minutes=1)
    install_server.clock.now = now
    clocks = [token_source(install_server), token_source(install_server)]
    start, done = threading.Barrier(2), []

    def run(worker: int) -> None:
        start.wait()
        done.append(refresh_due_tokens(clocks[worker], sessions, worker=f"clock-{worker}", now=now))

    running = [threading.Thread(target=run, args=(worker,)) for worker in (0, 1)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=60)

    assert sorted(call.body["refresh_token"] for call in refreshes(install_server)) == sorted(
        _first_refresh_tokens(install_server, tokens)
    )
    assert sum(result.refreshed for result in done) == 2
    assert stored(install_server, "T3")[0] == late["T3"]  # not due: untouched
    for team in ("T1", "T2"):
        assert stored(install_server, team)[0] != tokens[team]
    again = refresh_due_tokens(clocks[0], sessions, worker="clock-0", now=now + timedelta(minutes=5))
    assert (again.due, again.refreshed) == (0, 0)
    assert slack_refusals(install_server) == []


def test_the_scheduled_job_skips_a_workspace_whose_token_is_failing(install_server, sessions):
    early = install_server.clock.now
    tokens = install_rotating(install_server, "T1", "T2")
    now = due_at(early) + timedelta(minutes=1)
    install_server.clock.now = now
    with sessions.begin() as session:
        mark_token_failing(session, "T2", "invalid_refresh_token", now)
    settings = distributed_settings(install_server)
    sender = build_sender(settings, engine=install_server.engine, clock=install_server.clock)
    context = tick_context(settings, sessions, sender, clock=install_server.clock)
    [job] = [job for job in JOBS if job.id == "refresh_tokens"]

    job.run(JobContext(tick=context, now=now))

    assert stored(install_server, "T1")[0] != tokens["T1"]
    assert stored(install_server, "T2")[0] == tokens["T2"]
    assert len(refreshes(install_server)) == 1


def test_goalbot_workspaces_shows_when_a_rotating_token_expires(install_server, monkeypatch, capsys):
    installed_at = install_server.clock.now
    install_rotating(install_server, "T1")
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", install_server.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SLACK_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", CLIENT_SECRET)

    assert cli.main(["workspaces"]) == 0

    expires = installed_at + TOKEN_LIFETIME
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("T1  Team T1  installed  token expires ")
    # slack_sdk stamps whole seconds: the expiry is at most a second early, never late.
    shown = line.removeprefix("T1  Team T1  installed  token expires ")
    assert shown in {
        expires.strftime("%Y-%m-%d %H:%M UTC"),
        (expires - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _first_refresh_tokens(server, tokens: dict[str, str]) -> list[str]:
    """The refresh tokens the install handed out with T1's and T2's tokens."""
    return [
        str(call.answer["refresh_token"])
        for call in server.standin.calls("oauth.v2.access")
        if call.body.get("grant_type") != "refresh_token"
        and call.answer.get("access_token") in tokens.values()
    ]
