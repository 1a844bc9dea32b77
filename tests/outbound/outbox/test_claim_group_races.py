"""Group claims racing on PostgreSQL (claims.claim_group): two threads claiming the same group at
once never take a row twice and together leave nothing due behind (up to their limits); a group
claim whose ranked read saw a row that another transaction was claiming leaves the row out rather
than taking it over (the lock step skips the row another transaction holds, and the UPDATE's
re-check drops a row that transaction has claimed meanwhile)."""

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import text, update

from bot.domain.outbox import OutboxState
from models.reports import ReportPost
from tests.outbound.outbox.test_claim_groups import NOW, add, group, ids_of, stored

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("database_url", ["postgres"], indirect=True)]
TWO = {"T1": "UTC", "T2": "UTC"}


def in_threads(*targets) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(target):
        try:
            target()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_two_threads_claiming_one_group_at_once_take_disjoint_rows_that_cover_every_due_row(sessions):
    due = {team: {add(sessions, team, due=NOW - timedelta(minutes=n)) for n in range(6)} for team in TWO}
    start, got = threading.Barrier(2), dict[str, dict[str, list[int]]]()

    def claimer(worker):
        def claim():
            start.wait()
            got[worker] = {
                team: ids_of(b) for team, b in group(sessions, zones=TWO, worker=worker, limit=4).items()
            }

        return claim

    assert in_threads(claimer("w1"), claimer("w2")) == []
    rest = group(sessions, zones=TWO, worker="w3", limit=4)
    for team in TWO:
        first, second = got["w1"][team], got["w2"][team]
        # Both ranked reads may pick the same rows: the slower claimer skips those the other has
        # locked (or its re-check drops them once claimed), so together they take at least
        # `limit`, never a row twice.
        assert len(first) <= 4 and len(second) <= 4 and len(first) + len(second) >= 4
        assert not set(first) & set(second)
        assert set(first) | set(second) | set(ids_of(rest[team])) == due[team]
        assert len(first) + len(second) + len(rest[team].claimed) == len(due[team])


def test_a_row_another_transaction_is_claiming_meanwhile_is_left_out_not_taken_over(sessions, engine):
    contested, free = add(sessions, "T1", due=NOW - timedelta(hours=1)), add(sessions, "T2")
    got: dict[str, list[int]] = {}

    def claim():
        got.update(
            {team: ids_of(b) for team, b in group(sessions, zones=TWO, worker="late", limit=5).items()}
        )

    with sessions.begin() as holding:
        # Another sender's claim, not yet committed: the group's read still sees the row pending.
        holding.execute(
            update(ReportPost)
            .where(ReportPost.id == contested)
            .values(state=OutboxState.SENDING, claimed_by="first", claimed_at=NOW, attempts=1)
        )
        thread = threading.Thread(target=claim)
        thread.start()
        # Until the claim waits on our row lock or (skipping the locked row) has ended.
        with engine.connect() as watching:
            for _ in range(300):
                waiting = watching.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        " AND application_name = current_setting('application_name')"
                    )
                ).scalar()
                watching.rollback()  # pg_stat_activity is a snapshot per transaction: take a new one
                if waiting or not thread.is_alive():
                    break
                time.sleep(0.05)
            assert waiting or not thread.is_alive(), "the group claim neither waited nor ended"
    thread.join(timeout=30)
    assert got == {"T1": [], "T2": [free]}
    row = stored(sessions, contested)
    assert (row.claimed_by, row.attempts) == ("first", 1)
