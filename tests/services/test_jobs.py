"""Claims on the clock's recurring work: one holder at a time, taken over after a lease, left
alone after it is done until its quiet time ends."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services import jobs
from models.jobs import JobClaim

NOW = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)
PEOPLE = [f"U{n:03d}" for n in range(40)]


def take(sessions, worker, items, now=NOW):
    return jobs.claim(sessions, job="refresh_person", team_id="T1", items=items, worker=worker, now=now)


def done(sessions, worker, items, now=NOW, quiet=timedelta(hours=1)):
    return jobs.finish(
        sessions,
        job="refresh_person",
        team_id="T1",
        items=items,
        worker=worker,
        now=now,
        quiet_until=now + quiet,
    )


def test_two_workers_at_the_same_instant_share_the_items_without_overlap(sessions):
    first = take(sessions, "clock-a", PEOPLE[:25])
    second = take(sessions, "clock-b", PEOPLE[10:])

    assert first == PEOPLE[:25]
    assert second == PEOPLE[25:]  # what clock-a holds is not handed out again


def test_a_crashed_claim_is_taken_over_once_its_lease_has_run_out(sessions):
    assert take(sessions, "crashed", ["U001"]) == ["U001"]  # and never finished

    within_the_lease = take(sessions, "clock-b", ["U001"], NOW + jobs.LEASE - timedelta(seconds=1))
    after_it = take(sessions, "clock-b", ["U001"], NOW + jobs.LEASE)

    assert (within_the_lease, after_it) == ([], ["U001"])
    assert done(sessions, "crashed", ["U001"], NOW + jobs.LEASE) == 0  # too late: no longer its claim
    with sessions() as session:
        claim = session.scalars(select(JobClaim)).one()
    assert (claim.claimed_by, claim.done_at) == ("clock-b", None)


def test_done_work_is_left_alone_until_its_quiet_time_ends(sessions):
    take(sessions, "clock-a", ["U001"])
    assert done(sessions, "clock-a", ["U001"]) == 1

    assert take(sessions, "clock-a", ["U001"], NOW + timedelta(minutes=59)) == []
    assert take(sessions, "clock-b", ["U001"], NOW + timedelta(minutes=59)) == []
    assert take(sessions, "clock-b", ["U001"], NOW + timedelta(hours=1)) == ["U001"]


def test_claims_are_per_workspace_and_per_job(sessions):
    take(sessions, "clock-a", ["U001"])

    other_team = jobs.claim(sessions, job="refresh_person", team_id="T2", items=["U001"], worker="b", now=NOW)
    other_job = jobs.claim(
        sessions, job="refresh_audience", team_id="T1", items=["U001"], worker="b", now=NOW
    )

    assert (other_team, other_job) == (["U001"], ["U001"])


def test_an_hour_is_claimed_once(sessions):
    assert jobs.claim_hour(sessions, job="prune", worker="clock-a", now=NOW) == "2027-01-04T12"
    assert jobs.claim_hour(sessions, job="prune", worker="clock-b", now=NOW) is None
    assert (
        jobs.claim_hour(sessions, job="prune", worker="clock-b", now=NOW + timedelta(hours=1))
        == "2027-01-04T13"
    )


def test_claims_long_past_are_forgotten(sessions):
    take(sessions, "clock-a", ["U001"])
    take(sessions, "clock-a", ["U002"], NOW + timedelta(days=1))

    assert jobs.prune_claims(sessions, before=NOW + timedelta(hours=1)) == 1
    with sessions() as session:
        assert list(session.scalars(select(JobClaim.item))) == ["U002"]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_workers_claiming_at_once_on_postgres_hold_each_item_once(sessions):
    """Four threads, overlapping lists in different orders, the same instant: no item twice."""
    start = threading.Barrier(4)
    held: dict[str, list[str]] = {}

    def worker(name: str, items: list[str]) -> None:
        start.wait()
        mine = []
        for begin in range(0, len(items), 5):
            mine += take(sessions, name, items[begin : begin + 5])
        held[name] = mine

    threads = [
        threading.Thread(target=worker, args=(f"clock-{n}", PEOPLE[::-1] if n % 2 else PEOPLE))
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    everything = [item for items in held.values() for item in items]
    assert len(held) == 4
    assert sorted(everything) == PEOPLE
