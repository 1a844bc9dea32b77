"""The check-in pass called directly: what it posts, how it records it, and what a repeat does."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.domain.outbox import RETRY_FIRST, RETRY_MOST
from bot.outbound.passes import PassSummary
from bot.slack.standin import SlackStandIn
from handlers.checkins.delivery import tick_pass
from models.checkins import Delivery
from tests.handlers.checkins.delivery_setup import add_channel, dm, dms, states, tick_context
from tests.services.checkins.helpers import MADE_AT, MON_0900_UTC
from tests.services.factories import make_goal

PEOPLE = {f"U{i:03d}": None for i in range(12)}


@pytest.fixture
def shop(sessions, slack_api):
    make_goal(sessions, channel_id="C0SHOP")
    return add_channel(sessions, slack_api, "C0SHOP", PEOPLE, made_at=MADE_AT)


def test_a_due_prompt_goes_to_each_dm_once_with_its_delivery_id_and_is_recorded(sessions, slack_api, shop):
    ctx = tick_context(sessions, slack_api)

    first = tick_pass(ctx, MON_0900_UTC)
    again = tick_pass(ctx, MON_0900_UTC + timedelta(minutes=1))

    assert first == PassSummary(due=12, sent=12, retried=0, skipped=0)
    assert again == PassSummary()
    assert dms(slack_api, PEOPLE) == {user: 1 for user in PEOPLE}
    with sessions() as session:
        rows = {d.user_id: d for d in session.scalars(select(Delivery))}
    [message] = slack_api.messages.history(dm("U003"))
    assert message["metadata"] == {
        "event_type": "goalbot_checkin",
        "event_payload": {"delivery": rows["U003"].id},
    }
    assert (rows["U003"].message_channel, rows["U003"].message_ts) == (dm("U003"), message["ts"])
    assert "For <#C0SHOP>:" in message["blocks"][0]["text"]["text"]  # Slack shows the channel's name
    assert slack_api.calls("conversations.info") == []  # so no lookup per channel per pass


def test_server_errors_are_retried_by_a_later_tick_and_nobody_gets_two(sessions, slack_api, shop):
    ctx = tick_context(sessions, slack_api)
    slack_api.fail_next("chat.postMessage", status=500, times=4 * 12)  # every attempt of the first tick

    first = tick_pass(ctx, MON_0900_UTC)
    too_soon = tick_pass(ctx, MON_0900_UTC + RETRY_FIRST - timedelta(seconds=5))
    later = tick_pass(ctx, MON_0900_UTC + RETRY_FIRST + timedelta(seconds=5))

    assert first == PassSummary(due=12, retried=12)
    assert too_soon == PassSummary()
    assert later == PassSummary(due=12, sent=12)
    assert dms(slack_api, PEOPLE) == {user: 1 for user in PEOPLE}
    assert states(sessions) == {"sent": 12}
    assert slack_api.calls("conversations.history") == []  # Slack answered 500: nothing to look for


def test_a_refusal_is_recorded_failed_counted_skipped_and_never_retried(sessions):
    # Slack refuses for good (here: the app lacks chat:write); retrying would not help.
    with SlackStandIn(scopes={"channels:read", "im:write", "im:history", "users:read"}) as slack:
        add_channel(sessions, slack, "C0SHOP", {"U001": None, "U002": None}, made_at=MADE_AT)
        ctx = tick_context(sessions, slack)

        first = tick_pass(ctx, MON_0900_UTC)
        later = tick_pass(ctx, MON_0900_UTC + RETRY_MOST + timedelta(minutes=1))

    assert first == PassSummary(due=2, sent=0, retried=0, skipped=2)
    assert later == PassSummary()
    assert states(sessions) == {"failed": 2}


def test_prompts_past_their_window_are_recorded_skipped_not_sent(sessions, slack_api, shop):
    summary = tick_pass(tick_context(sessions, slack_api), MON_0900_UTC + timedelta(hours=5))
    assert summary == PassSummary(due=0, sent=0, retried=0, skipped=12)
    assert dms(slack_api, PEOPLE) == {user: 0 for user in PEOPLE}
