"""claim_deliveries and the marks: disjoint claims, leases, reconcile, retries, skipping stale rows."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.checkins import claims
from bot.services.checkins.schedules import turn_off_schedule
from models.checkins import Delivery
from tests.services.checkins.helpers import CHANNEL, DEFAULT_TZ, TEAM, make_channel, owner, plan
from tests.services.factories import make_goal

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def planned(sessions):
    make_goal(sessions, channel_id=CHANNEL)
    make_channel(sessions, {f"U{i}": None for i in range(6)})
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)


def claim(sessions, worker="w1", now=NINE, limit=10):
    return claims.claim_deliveries(sessions, worker=worker, now=now, limit=limit, default_tz=DEFAULT_TZ)


def test_a_claim_carries_what_the_prompt_shows_and_is_not_claimed_twice(sessions, planned):
    first = claim(sessions, limit=4)
    second = claim(sessions, worker="w2", limit=4)
    assert len(first) == 4 and len(second) == 2
    assert not {d.id for d in first} & {d.id for d in second}
    shown = first[0]
    assert (shown.channel_id, shown.kind.value, shown.anonymous, shown.needs_reconcile) == (
        CHANNEL,
        "prompt",
        False,
        False,
    )
    assert [o.metric for o in shown.objectives] == ["CSAT"]
    assert (shown.late_at, shown.closes_at) == (NINE + timedelta(hours=4), NINE + timedelta(hours=24))
    assert claim(sessions, worker="w3") == []


def test_an_expired_claim_is_claimed_again_flagged_for_reconciling(sessions, planned):
    taken = claim(sessions, limit=1)
    assert claim(sessions, worker="w2", now=NINE + timedelta(minutes=1), limit=1)[0].id != taken[0].id
    again = claim(sessions, worker="w3", now=NINE + claims.LEASE + timedelta(seconds=1), limit=1)
    assert (again[0].id, again[0].needs_reconcile, again[0].attempts) == (taken[0].id, True, 2)
    assert claims.mark_sent(sessions, team_id=TEAM, delivery_id=taken[0].id, channel="D1", ts="1.1", now=NINE)
    assert not claims.mark_sent(
        sessions, team_id=TEAM, delivery_id=taken[0].id, channel="D1", ts="1.2", now=NINE
    )


def test_retry_waits_for_not_before_and_failed_is_never_claimed(sessions, planned):
    first, second = claim(sessions, limit=2)
    later = NINE + timedelta(seconds=30)
    claims.mark_retry(sessions, team_id=TEAM, delivery_id=first.id, not_before=later, error="ratelimited")
    claims.mark_failed(sessions, team_id=TEAM, delivery_id=second.id, error="cannot_dm_bot")
    ids = lambda found: {d.id for d in found}  # noqa: E731
    assert first.id not in ids(claim(sessions, worker="w2", now=later - timedelta(seconds=1), limit=10))
    assert ids(claim(sessions, worker="w3", now=later, limit=10)) == {first.id}
    with sessions() as session:
        assert session.get_one(Delivery, second.id).state.value == "failed"


def test_rows_of_a_turned_off_schedule_or_a_closed_period_are_skipped_not_sent(sessions, planned):
    turn_off_schedule(sessions, owner(), channel_id=CHANNEL)
    assert claim(sessions) == []
    with sessions() as session:
        assert {d.state.value for d in session.scalars(select(Delivery))} == {"skipped"}


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_postgres_connections_claim_disjoint_rows(sessions, planned):
    # The first transaction holds its row locks while the second claims: SKIP LOCKED passes them by.
    with sessions.begin() as holding:
        held = list(
            holding.scalars(
                select(Delivery.id).order_by(Delivery.id).limit(3).with_for_update(skip_locked=True)
            )
        )
        other = claim(sessions, worker="w2", limit=10)
        assert len(held) == 3 and len(other) == 3
        assert not set(held) & {d.id for d in other}


def test_a_retried_row_is_reconciled_before_it_is_posted_again(sessions, planned):
    # A timeout or a 5xx can come after Slack took the message: the retry must look first.
    [first] = claim(sessions, limit=1)
    assert not first.needs_reconcile
    claims.mark_retry(sessions, team_id=TEAM, delivery_id=first.id, not_before=NINE, error="HTTP 500")
    again = [d for d in claim(sessions, worker="w2") if d.id == first.id]
    assert [(d.needs_reconcile, d.attempts) for d in again] == [(True, 2)]
