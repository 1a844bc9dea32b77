"""A workspace removes goalbot: from the `app_uninstalled` (or bot `tokens_revoked`) event on,
nothing more is sent to it, what it was owed is cancelled, and its data waits for the retention
time. Through the HTTP server, the stand-in and the tick as `goalbot tick` runs it."""

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from bot.entrypoints.tick import build_sender, run_passes, tick_context
from bot.services.checkins.planning import plan_deliveries
from bot.services.workspaces import list_workspaces
from bot.settings import load_settings
from models.checkins import Delivery
from tests.e2e.checkin_helpers import PROMPT_AT, ZONE, schedule
from tests.fixtures.bot import TEAM


def _tick(bot_server, at):
    settings = load_settings(slack_bot_token="xoxb-test", slack_api_base_url=bot_server.standin.base_url)
    ctx = tick_context(settings, bot_server.sessions, build_sender(settings), clock=lambda: at)
    return run_passes(ctx, at)


def _states(bot_server) -> Counter[str]:
    with bot_server.sessions() as session:
        return Counter(d.state.value for d in session.scalars(select(Delivery)))


def _posts(bot_server) -> int:
    return len(bot_server.standin.calls("chat.postMessage"))


def test_nothing_is_sent_after_the_event_and_what_was_owed_is_cancelled(bot_server):
    schedule(bot_server)
    plan_deliveries(bot_server.sessions, now=PROMPT_AT, default_tz=ZONE, since=PROMPT_AT - timedelta(hours=1))
    owed = _states(bot_server)["pending"]
    posted_before = _posts(bot_server)

    bot_server.clock.now = PROMPT_AT - timedelta(minutes=1)
    status, _, _ = bot_server.event({"type": "app_uninstalled"})

    assert status == 200 and owed > 0
    assert _states(bot_server) == Counter({"skipped": owed})
    for minutes in (0, 1, 30, 60 * 24 * 2):  # that tick, the next ones, the day after tomorrow
        _tick(bot_server, PROMPT_AT + timedelta(minutes=minutes))
    assert _posts(bot_server) == posted_before
    (workspace,) = list_workspaces(bot_server.sessions)
    assert (workspace.team_id, workspace.uninstalled) == (TEAM, True)
    assert workspace.purge_after == bot_server.clock.now + timedelta(days=30)


def test_a_revoked_bot_token_is_an_uninstall_and_a_revoked_user_token_is_not(bot_server):
    bot_server.event({"type": "tokens_revoked", "tokens": {"oauth": ["U_OWNER"], "bot": []}})
    assert [w.uninstalled for w in list_workspaces(bot_server.sessions)] in ([], [False])

    bot_server.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}})
    assert [w.uninstalled for w in list_workspaces(bot_server.sessions)] == [True]


def test_a_second_event_keeps_the_first_ones_dates(bot_server):
    bot_server.event({"type": "app_uninstalled"})
    first = list_workspaces(bot_server.sessions)[0].purge_after
    bot_server.clock.now += timedelta(hours=1)
    bot_server.event({"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}})
    assert list_workspaces(bot_server.sessions)[0].purge_after == first
