"""Issue 13's rotation proof, end to end on PostgreSQL: two workspaces installed through "Add to
Slack" with token rotation on, both tokens due for refresh; 30 signed commands through the real
HTTP server and two ticks (two token sources: two processes) all at once. The stand-in sees one
refresh per refresh token, no call with an expired or burnt token, and every call made with its
own workspace's new token."""

from collections import Counter
from datetime import timedelta
from threading import Barrier, Thread

import pytest

from bot.entrypoints import tick as tick_module
from bot.entrypoints.tick import build_sender, run_passes, tick_context
from bot.slack.standin.oauth import token_used
from bot.slack.standin.routing import RESPONSE_URL
from tests import slack_requests as slack
from tests.e2e.install.installing import distributed_settings
from tests.e2e.install.rotating import due_at, install_rotating, refreshes, slack_refusals, stored
from tests.e2e.multiclock.workspaces import add_to_standin, make_workspaces, prompts_posted, seed_checkins
from tests.fixtures.bot import SIGNING_SECRET

COMMANDS = 30


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_commands_and_ticks_at_once_refresh_each_token_once_and_never_use_an_expired_one(
    install_server, sessions, monkeypatch
):
    standin, clock = install_server.standin, install_server.clock
    workspaces = make_workspaces(2, people=4)
    add_to_standin(standin, workspaces)
    installed_at = clock.now
    first_tokens = install_rotating(install_server, *(ws.team_id for ws in workspaces))
    first_refresh = {ws.team_id: stored(install_server, ws.team_id)[1] for ws in workspaces}
    at = due_at(installed_at) + timedelta(minutes=30)  # due, 90 minutes before expiry
    seed_checkins(sessions, workspaces, made_at=installed_at, at=at.time())
    clock.now = at
    standin.clear()

    settings = distributed_settings(install_server)
    ticks = []
    for worker in ("clock-a", "clock-b"):  # two processes: a token source and a worker name each
        monkeypatch.setattr(tick_module, "worker_name", lambda worker=worker: worker)
        sender = build_sender(settings, engine=install_server.engine, clock=clock)
        ticks.append(tick_context(settings, sessions, sender, clock=clock))
    start, answers = Barrier(COMMANDS + len(ticks)), []

    def command(number: int) -> None:
        ws = workspaces[number % 2]
        body, content_type = slack.slash_command(
            "new",
            team_id=ws.team_id,
            user_id=ws.people[number % len(ws.people)],
            channel_id=ws.channel_id,
            response_url=standin.response_url(f"r{number}"),
            trigger_id=f"trigger-{number}",
        )
        start.wait()
        url = install_server.url + "/slack/events"
        answers.append(slack.post_signed(url, body, content_type, SIGNING_SECRET)[0])

    def tick(context) -> None:
        start.wait()
        run_passes(context, at)

    running = [Thread(target=command, args=(n,)) for n in range(COMMANDS)]
    running += [Thread(target=tick, args=(context,)) for context in ticks]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=120)
    standin.wait_for("views.open", count=COMMANDS, timeout=30)

    assert answers == [200] * COMMANDS
    # One refresh per refresh token: each install's, once.
    used = Counter(str(call.body["refresh_token"]) for call in refreshes(install_server))
    assert used == Counter(first_refresh.values())
    assert slack_refusals(install_server) == []  # no token_expired, invalid_refresh_token, invalid_auth
    current = {ws.team_id: stored(install_server, ws.team_id)[0] for ws in workspaces}
    assert all(current[team] != first_tokens[team] for team in current)
    # Every Web API call (not the refreshes, nor response_urls, which carry no token) names a token:
    # none went out on a static client without one.
    web_api = [call for call in standin.calls() if call.method not in ("oauth.v2.access", RESPONSE_URL)]
    assert {call.method for call in web_api} >= {"views.open", "chat.postMessage", "auth.test"}
    assert [call for call in web_api if token_used(call) != current.get(call.team_id or "")] == []
    everyone = Counter({(user, delivery): 1 for (user, delivery) in prompts_posted(standin, workspaces)})
    assert prompts_posted(standin, workspaces) == everyone  # no prompt doubled
    assert {user for user, _ in everyone} == {user for ws in workspaces for user in ws.people}
