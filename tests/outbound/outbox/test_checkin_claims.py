"""The engine's claims on the check-in outbox: disjoint claims, leases, what a claim carries, rows
no longer wanted skipped at claim time, and an expired claim's outcome unknown."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain.outbox import LEASE
from bot.outbound.outbox import rows
from bot.outbound.outbox.tables import CHECKIN_DELIVERIES
from bot.services.checkins.schedules import turn_off_schedule
from models.checkins import Delivery
from tests.outbound.outbox.helpers import claim_all
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
    return claim_all(sessions, CHECKIN_DELIVERIES, worker=worker, now=now, limit=limit, default_tz=DEFAULT_TZ)


def test_a_claim_carries_what_the_prompt_shows_and_is_not_claimed_twice(sessions, planned):
    assert rows.due_teams(sessions, CHECKIN_DELIVERIES, NINE) == [TEAM]
    first = claim(sessions, limit=4)
    second = claim(sessions, worker="w2", limit=4)
    assert len(first) == 4 and len(second) == 2
    assert not {c.claim.id for c in first} & {c.claim.id for c in second}
    shown = first[0]
    assert (shown.kind, shown.item.channel_id, shown.item.anonymous, shown.claim.unknown) == (
        "prompt",
        CHANNEL,
        False,
        False,
    )
    assert [o.metric for o in shown.item.objectives] == ["CSAT"]
    assert (shown.item.late_at, shown.item.closes_at) == (
        NINE + timedelta(hours=4),
        NINE + timedelta(hours=24),
    )
    assert shown.useful_until == shown.item.closes_at  # too late once the period has closed
    assert claim(sessions, worker="w3") == []
    assert rows.due_teams(sessions, CHECKIN_DELIVERIES, NINE) == []


def test_an_expired_claim_is_claimed_again_with_its_outcome_unknown_since_the_lost_claim(sessions, planned):
    [taken] = claim(sessions, limit=1)
    assert (
        claim(sessions, worker="w2", now=NINE + timedelta(minutes=1), limit=1)[0].claim.id != taken.claim.id
    )
    later = NINE + LEASE + timedelta(seconds=1)
    [again] = claim(sessions, worker="w3", now=later, limit=1)
    assert (again.claim.id, again.claim.attempts, again.claim.unknown_since) == (taken.claim.id, 2, NINE)
    assert again.item.needs_reconcile
    # The first sender comes back: its claim no longer holds, so it records nothing.
    assert not rows.mark_sent(sessions, taken.claim, channel="D1", ts="1.1", now=NINE)
    assert rows.mark_sent(sessions, again.claim, channel="D1", ts="1.2", now=later)
    with sessions() as session:
        row = session.get_one(Delivery, taken.claim.id)
    assert (row.state, row.message_ts, row.claimed_by, row.outcome_unknown_since) == (
        "sent",
        "1.2",
        "w3",
        None,
    )


def test_retry_waits_for_not_before_and_failed_is_never_claimed(sessions, planned):
    first, second = claim(sessions, limit=2)
    later = rows.mark_retry(sessions, first.claim, now=NINE, error="HTTP 503", unknown=False)
    rows.mark_failed(sessions, second.claim, error="cannot_dm_bot")
    ids = lambda found: {c.claim.id for c in found}  # noqa: E731
    assert first.claim.id not in ids(claim(sessions, worker="w2", now=later - timedelta(seconds=1)))
    [again] = claim(sessions, worker="w3", now=later)
    assert again.claim.id == first.claim.id and not again.claim.unknown  # Slack answered: nothing posted
    with sessions() as session:
        assert session.get_one(Delivery, second.claim.id).state.value == "failed"


def test_rows_of_a_turned_off_schedule_are_skipped_at_claim_time(sessions, planned):
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
        assert not set(held) & {c.claim.id for c in other}
