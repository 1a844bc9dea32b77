"""Distributed mode's tick: `goalbot tick` with SLACK_CLIENT_ID (no SLACK_BOT_TOKEN) sends each
workspace's check-ins with the bot token of that workspace's installation, read from the app's
database; a workspace with no installation is not served, and no other workspace notices."""

from datetime import UTC, datetime, timedelta

from bot.entrypoints import cli
from bot.entrypoints.tick import build_sender, run_passes, tick_context
from bot.services.workspaces import note_workspace
from bot.slack.standin.oauth import token_used
from tests.cli.environment import SETTING_NAMES
from tests.e2e.install.conftest import CLIENT_ID, CLIENT_SECRET
from tests.e2e.install.installing import distributed_settings, install_workspace
from tests.e2e.multiclock.workspaces import add_to_standin, make_workspaces, prompts_posted, seed_checkins

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday, two days after the fixture's clock


def test_one_tick_posts_each_workspace_prompts_with_its_own_token(install_server, sessions):
    standin = install_server.standin
    first, second, never = make_workspaces(3, people=2)
    add_to_standin(standin, (first, second, never))
    tokens = {ws.team_id: install_workspace(install_server, ws.team_id) for ws in (first, second)}
    seed_checkins(sessions, (first, second, never), made_at=AT - timedelta(days=2), at=AT.time())
    standin.clear()

    settings = distributed_settings(install_server)
    sender = build_sender(settings, engine=install_server.engine)
    run_passes(tick_context(settings, sessions, sender, clock=lambda: AT), AT)

    posted = prompts_posted(standin, (first, second, never))
    assert {user for user, _ in posted} == set(first.people) | set(second.people)
    posts = standin.calls("chat.postMessage")
    assert {call.team_id for call in posts} == {first.team_id, second.team_id}  # as the stand-in saw it
    for call in posts:
        assert token_used(call) == tokens[call.team_id]
    assert tokens[first.team_id] != tokens[second.team_id]
    assert not [call for call in standin.calls() if token_used(call) not in tokens.values()]


def test_workspaces_check_asks_with_each_installed_workspace_token(
    install_server, sessions, monkeypatch, capsys
):
    standin = install_server.standin
    tokens = {team_id: install_workspace(install_server, team_id) for team_id in ("T1", "T2")}
    standin.oauth.revoke(tokens["T2"])
    with sessions.begin() as session:
        for team_id in ("T1", "T2", "T3"):  # T3 never installed goalbot
            note_workspace(session, team_id)
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", install_server.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SLACK_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("SLACK_API_BASE_URL", standin.base_url)
    standin.clear()

    assert cli.main(["workspaces", "--check"]) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("T1  ") and lines[0].endswith("  ok")
    assert lines[1].startswith("T2  ") and lines[1].endswith("invalid_auth")
    assert lines[2].endswith("no token (not installed)")
    assert [token_used(call) for call in standin.calls("auth.test")] == [tokens["T1"], tokens["T2"]]
