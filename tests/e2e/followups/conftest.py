"""The follow-up tests' fixtures: a follow-up flagged and posted by the tick's pass, and the pass
itself at a given instant."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from handlers.followups.tick import followups_tick_pass
from tests.e2e.followups.helpers import FLAGGED
from tests.fixtures.bot import MEMBER
from tests.services.reports.factories import add_followup


@pytest.fixture
def post(bot_server):
    """Flags a follow-up and runs the tick's pass; returns its id and the posted message."""
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    ctx = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "test")

    def make(*, author_id=MEMBER, description="Mr Diaz was double charged", created_at=FLAGGED):
        local = created_at.date() if author_id else date(2026, 11, 21)
        followup_id = add_followup(
            bot_server.sessions,
            author_id=author_id,
            description=description,
            created_at=created_at,
            local_date=local,
        )
        assert followups_tick_pass(ctx, bot_server.clock.now).sent >= 1
        ts = bot_server.standin.last("chat.postMessage").body
        return followup_id, ts

    return make


@pytest.fixture
def tick(bot_server):
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    ctx = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "test")
    return lambda now: followups_tick_pass(ctx, now)
