"""Crash safety: a claim whose sender died is reconciled against the DM before anything is posted.

Slack stamps messages with its own clock, and the history lookup starts shortly before the
prompt's scheduled time, so Slack's clock (the stand-in's `clock`) reads the instant of each pass."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain.checkins.enums import Weekday
from bot.domain.outbox import LEASE, RETRY_MOST
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import PassSummary
from bot.services.checkins.planning import plan_deliveries
from handlers.checkins.delivery import tick_pass
from handlers.checkins.delivery_message import prompt_message
from models.checkins import Delivery
from tests.handlers.checkins.delivery_setup import TOKEN, add_channel, dm, dms, tick_context
from tests.outbound.outbox.helpers import claim_deliveries

PEOPLE = {"U001": None, "U002": None, "U003": None}


# A Monday's 15:00 UTC: every weekday is a check-in day here, at this time of day.
AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def schedule_now(sessions, slack_api, clock) -> datetime:
    at = clock.now = AT
    add_channel(
        sessions,
        slack_api,
        "C0SHOP",
        PEOPLE,
        made_at=at - timedelta(days=2),
        weekdays=frozenset(Weekday),
        local_time=at.time(),
    )
    return at


def test_a_message_posted_before_the_crash_is_recorded_not_posted_again(sessions, slack_api, clock):
    at = schedule_now(sessions, slack_api, clock)
    ctx = tick_context(sessions, slack_api)
    # A sender that claimed everything, posted U002's prompt, and was killed before recording it.
    plan_deliveries(sessions, now=at, default_tz="UTC")
    claimed = claim_deliveries(sessions, worker="killed", now=at, limit=10, default_tz="UTC")
    posted = next(d for d in claimed if d.user_id == "U002")
    before = ctx.sender.post(posted.team_id, **prompt_message(posted))

    still_leased = tick_pass(ctx, at + LEASE - timedelta(seconds=1))
    after_lease = tick_pass(ctx, at + LEASE + timedelta(minutes=1))

    assert still_leased == PassSummary()
    assert after_lease == PassSummary(due=3, sent=3)
    assert dms(slack_api, PEOPLE) == {"U001": 1, "U002": 1, "U003": 1}
    with sessions() as session:
        row = session.scalars(select(Delivery).where(Delivery.user_id == "U002")).one()
    assert (row.message_channel, row.message_ts) == (dm("U002"), before.ts)
    assert {c.body["channel"] for c in slack_api.calls("conversations.history")} == {dm(u) for u in PEOPLE}
    assert all(
        c.body["include_all_metadata"] in ("1", "true", True)
        for c in slack_api.calls("conversations.history")
    )


def test_when_the_dm_cannot_be_read_nothing_is_posted_and_the_row_waits(sessions, slack_api, clock):
    at = schedule_now(sessions, slack_api, clock)
    ctx = tick_context(sessions, slack_api)
    plan_deliveries(sessions, now=at, default_tz="UTC")
    claim_deliveries(sessions, worker="killed", now=at, limit=10, default_tz="UTC")
    slack_api.fail_next("conversations.open", status=503, times=4 * 3)

    blind = tick_pass(ctx, at + LEASE + timedelta(minutes=1))
    later = tick_pass(ctx, at + LEASE + timedelta(minutes=10))

    assert blind == PassSummary(due=3, retried=3)
    assert later == PassSummary(due=3, sent=3)
    assert len(slack_api.calls("conversations.history")) == 3  # still unknown: the retry reads the DM
    assert dms(slack_api, PEOPLE) == {"U001": 1, "U002": 1, "U003": 1}


def test_a_prompt_whose_post_timed_out_but_arrived_is_found_by_the_retry_not_posted_twice(
    sessions, slack_api, clock
):
    at = schedule_now(sessions, slack_api, clock)
    ctx = tick_context(sessions, slack_api)
    impatient = Sender(single_token(TOKEN), WorkspaceGate(1000.0), base_url=slack_api.base_url, timeout=1)
    ctx = replace(ctx, sender=impatient)
    slack_api.stall_next("chat.postMessage", seconds=2)  # the first prompt: Slack takes it, answers late

    first = tick_pass(ctx, at)
    slack_api.settle()
    retry = tick_pass(ctx, at + RETRY_MOST)

    assert first == PassSummary(due=3, sent=2, retried=1)
    assert retry == PassSummary(due=1, sent=1)
    assert dms(slack_api, PEOPLE) == {"U001": 1, "U002": 1, "U003": 1}
    assert len(slack_api.calls("chat.postMessage")) == 3  # the late one was recorded, not posted again
