"""The check-in pass over two workspaces, one of whose tokens Slack refuses: the other's people
are all asked, the failing one is called at most a few times (its first concurrent calls) and
never again in the next tick, and its prompts wait instead of failing."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.entrypoints.tick import run_passes
from bot.outbound import Sender, TokenPerWorkspace, WorkspaceGate
from bot.outbound.passes import TickContext
from bot.outbound.workspace_health import WorkspaceHealth
from bot.services.actor import Actor
from bot.services.checkins import members, schedules
from bot.services.workspaces import list_workspaces
from bot.slack.standin import SlackStandIn
from handlers.checkins.delivery import tick_pass as checkin_pass
from tests.handlers.checkins.delivery_setup import no_sleep, states
from tests.services.checkins.helpers import MADE_AT, MON_0900_UTC, PersonInfo, spec

GOOD, FAILING = "T0GOOD", "T0FAIL"
PEOPLE = {GOOD: [f"U0G{n:02d}" for n in range(12)], FAILING: [f"U0F{n:02d}" for n in range(12)]}


@pytest.fixture
def slack():
    with SlackStandIn(tokens=["xoxb-good"]) as running:
        yield running


def _workspace(sessions, slack, team: str, channel: str) -> None:
    for user_id in PEOPLE[team]:
        slack.add_user(user_id, team_id=team, tz="UTC")
    slack.add_channel(channel, name=f"team-{channel.lower()}", members=PEOPLE[team])
    members.sync_channel_members(
        sessions, team, channel, [PersonInfo(u, "UTC") for u in PEOPLE[team]], MADE_AT
    )
    schedules.set_schedule(sessions, Actor(team, "U0WNER"), channel_id=channel, spec=spec(), now=MADE_AT)


def _calls_with(slack, token: str, method: str | None = None) -> int:
    """Calls made with `token` (any method: a DM is opened before it is posted to)."""
    return sum(1 for call in slack.calls(method) if call.headers.get("authorization") == f"Bearer {token}")


def test_a_failing_workspace_is_skipped_while_the_other_is_served(sessions, slack):
    _workspace(sessions, slack, GOOD, "C0GOOD")
    _workspace(sessions, slack, FAILING, "C0FAIL")
    now = {"at": MON_0900_UTC}
    tokens = TokenPerWorkspace({GOOD: "xoxb-good", FAILING: "xoxb-revoked"})
    health = WorkspaceHealth(sessions, clock=lambda: now["at"], recheck=0.0)
    sender = Sender(tokens, WorkspaceGate(1000.0), base_url=slack.base_url, sleep=no_sleep, health=health)
    ctx = TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("UTC"), worker="test")
    passes = (("checkins", checkin_pass),)

    first = run_passes(ctx, now["at"], passes)
    tried_first = _calls_with(slack, "xoxb-revoked")
    for at in (MON_0900_UTC + timedelta(minutes=m) for m in (1, 2, 5, 20)):
        now["at"] = at
        run_passes(ctx, at, passes)

    assert _calls_with(slack, "xoxb-good", "chat.postMessage") == len(PEOPLE[GOOD]) == first.sent
    assert 1 <= tried_first < len(PEOPLE[FAILING])  # its first calls in flight, then none
    assert _calls_with(slack, "xoxb-revoked") == tried_first  # no later tick called Slack for it
    assert states(sessions)["failed"] == 0  # its prompts wait for a working token
    failing = {w.team_id: w.token_error for w in list_workspaces(sessions)}
    assert failing == {GOOD: None, FAILING: "invalid_auth"}
