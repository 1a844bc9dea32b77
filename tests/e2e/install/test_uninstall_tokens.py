"""A workspace removes goalbot (`app_uninstalled`, or its bot token revoked): its installation
rows are deleted at once, so no token of it is left and the next tick sends it nothing, while the
other workspace is served as before. Through the real HTTP server, in distributed mode."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.entrypoints.tick import build_sender, run_passes, tick_context
from bot.installations.bot_tokens import InstalledBotTokens
from bot.installations.stores import NotInstalled
from bot.slack.standin.oauth import token_used
from models.installations import bots, installations
from tests import slack_requests as slack
from tests.e2e.install.conftest import CLIENT_ID
from tests.e2e.install.installing import distributed_settings, install_workspace
from tests.e2e.multiclock.workspaces import add_to_standin, make_workspaces, prompts_posted, seed_checkins
from tests.fixtures.bot import SIGNING_SECRET

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _rows_of(engine, team_id: str) -> int:
    with engine.connect() as connection:
        return sum(
            connection.scalar(select(func.count()).select_from(table).where(table.c.team_id == team_id)) or 0
            for table in (installations, bots)
        )


@pytest.mark.parametrize(
    "event", [{"type": "app_uninstalled"}, {"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}}]
)
def test_after_the_event_no_token_is_left_and_nothing_more_is_sent(install_server, sessions, event):
    standin = install_server.standin
    gone, kept = make_workspaces(2, people=2)
    add_to_standin(standin, (gone, kept))
    tokens = {ws.team_id: install_workspace(install_server, ws.team_id) for ws in (gone, kept)}
    seed_checkins(sessions, (gone, kept), made_at=AT - timedelta(days=2), at=AT.time())
    assert _rows_of(install_server.engine, gone.team_id) > 0

    body, content_type = slack.event_callback(
        event, team_id=gone.team_id, event_id="Ev1", event_time=int(install_server.clock.now.timestamp())
    )
    status, _, _ = slack.post_signed(install_server.url + "/slack/events", body, content_type, SIGNING_SECRET)
    assert status == 200

    source = InstalledBotTokens(install_server.engine, CLIENT_ID)
    with pytest.raises(NotInstalled):
        source.token_for(gone.team_id)
    assert _rows_of(install_server.engine, gone.team_id) == 0
    assert source.token_for(kept.team_id) == tokens[kept.team_id]

    standin.clear()
    settings = distributed_settings(install_server)
    sender = build_sender(settings, engine=install_server.engine)
    run_passes(tick_context(settings, sessions, sender, clock=lambda: AT), AT)

    assert {user for user, _ in prompts_posted(standin, (gone, kept))} == set(kept.people)
    assert {token_used(call) for call in standin.calls()} == {tokens[kept.team_id]}
