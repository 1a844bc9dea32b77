"""Claiming follow-up messages: one owner per row, concurrent senders take disjoint rows, and a
claim that outlived its lease (or a retried row) comes back flagged for reconciling."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.followups import claims, planning, sending
from models.followups import FollowupMessage
from tests.services.reports.factories import add_followup

FLAGGED = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def planned(sessions) -> int:
    for n in range(6):
        add_followup(sessions, created_at=FLAGGED, description=f"Customer {n} wants a call back")
    return planning.plan_followup_messages(sessions, now=FLAGGED, default_tz=ZoneInfo("UTC")).posts


def test_a_claimed_row_is_not_claimed_again_within_its_lease(sessions, planned):
    first = claims.claim_followup_messages(sessions, worker="clock-a", now=FLAGGED)
    again = claims.claim_followup_messages(
        sessions, worker="clock-a", now=FLAGGED + claims.LEASE - timedelta(seconds=1)
    )
    assert (planned, len(first), again) == (6, 6, [])
    assert not any(m.needs_reconcile for m in first)


def test_an_expired_claim_comes_back_flagged_with_its_earlier_claim_time(sessions, planned):
    claims.claim_followup_messages(sessions, worker="clock-a", now=FLAGGED, limit=1)
    later = FLAGGED + claims.LEASE + timedelta(seconds=1)
    again = claims.claim_followup_messages(sessions, worker="clock-a", now=later)
    flagged = [(m.message_id, m.since) for m in again if m.needs_reconcile]
    assert len(again) == 6 and len(flagged) == 1 and flagged[0][1] == FLAGGED


def test_a_claim_records_which_clock_process_holds_it(sessions, planned):
    [first] = claims.claim_followup_messages(sessions, worker="clock-a", now=FLAGGED, limit=1)
    later = FLAGGED + claims.LEASE + timedelta(seconds=1)
    claims.claim_followup_messages(sessions, worker="clock-b", now=later, limit=1)
    with sessions() as session:
        row = session.get_one(FollowupMessage, first.message_id)
        assert (row.state, row.claimed_by, row.claimed_at) == ("sending", "clock-b", later)


def test_a_retried_row_is_flagged_and_a_late_outcome_does_not_undo_a_sent_one(sessions, planned):
    [first] = claims.claim_followup_messages(sessions, worker="clock-a", now=FLAGGED, limit=1)
    sending.mark_retry(sessions, team_id="T1", message_id=first.message_id, error="HTTP 500", now=FLAGGED)
    [again] = claims.claim_followup_messages(
        sessions, worker="clock-a", now=FLAGGED + timedelta(minutes=1), limit=1
    )
    assert (again.message_id, again.needs_reconcile) == (first.message_id, True)
    sending.mark_sent(sessions, team_id="T1", message_id=first.message_id, channel="C", ts="1.0", now=FLAGGED)
    sending.mark_failed(sessions, team_id="T1", message_id=first.message_id, error="too late")
    with sessions() as session:
        row = session.get_one(FollowupMessage, first.message_id)
        assert (row.state, row.ts) == ("sent", "1.0")


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_postgres_connections_claim_disjoint_rows(sessions, planned):
    # The first transaction holds its row locks while the second claims: SKIP LOCKED passes them by.
    with sessions.begin() as holding:
        held = list(
            holding.scalars(
                select(FollowupMessage.id)
                .order_by(FollowupMessage.id)
                .limit(3)
                .with_for_update(skip_locked=True)
            )
        )
        other = claims.claim_followup_messages(sessions, worker="clock-a", now=FLAGGED)
        assert len(held) == 3 and len(other) == 3
        assert not set(held) & {m.message_id for m in other}
