"""plan_deliveries streams: outbox rows go in bounded batches, members are read a page at a time, and
the summary counts only the rows each batch created."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.services.checkins import audience, members, outbox, planning
from bot.services.checkins.audience import asked_members, each_asked_member
from bot.services.checkins.read_models import PersonInfo
from models.checkins import Schedule
from models.people import Person
from tests.services.checkins.helpers import MADE_AT, TEAM, deliveries, make_channel, plan

UTC_9 = datetime(2027, 3, 1, 9, tzinfo=UTC)
BEFORE = datetime(2027, 3, 1, 7, tzinfo=UTC)
PEOPLE = {f"U{i:02}": "UTC" for i in range(8)} | {f"B{i:02}": "Europe/Berlin" for i in range(4)}


@pytest.fixture
def batches(monkeypatch):
    """The size of every INSERT planning makes, with the batch set to 3."""
    sizes: list[int] = []
    real = outbox.insert_new_deliveries

    def recording(session, rows):
        sizes.append(len(rows))
        return real(session, rows)

    monkeypatch.setattr(planning, "BATCH", 3)
    monkeypatch.setattr(outbox, "insert_new_deliveries", recording)
    return sizes


def test_rows_go_in_batches_of_at_most_the_batch_size_and_only_new_rows_are_counted(sessions, batches):
    make_channel(sessions, PEOPLE)
    plan(sessions, BEFORE)
    # Down until 12:30 UTC: Berlin's 09:00 window (08:00 UTC) has closed, UTC's is open.
    summary = plan(sessions, datetime(2027, 3, 1, 12, 30, tzinfo=UTC))
    assert (summary.due, summary.skipped) == (8, 4)
    assert batches and max(batches) <= 3 and sum(batches) == 12
    again = plan(sessions, datetime(2027, 3, 1, 12, 31, tzinfo=UTC), since=BEFORE)
    assert (again.due, again.skipped) == (0, 0)  # every row of every batch already there
    states = sorted(state for *_, state, _ in deliveries(sessions))
    assert states == ["pending"] * 8 + ["skipped"] * 4


def test_members_read_page_by_page_are_the_same_people_in_the_same_order(sessions):
    make_channel(sessions, PEOPLE | {"U99": None})
    with sessions() as session:
        schedule = session.query(Schedule).one()
        schedule.excluded_user_ids = ["U03"]  # on a page boundary with page=3
        paged = list(each_asked_member(session, schedule, "UTC", {"UTC"}, page=3))
        assert paged == asked_members(session, schedule, "UTC", {"UTC"})
        assert [m.user_id for m in paged] == ["U00", "U01", "U02", "U04", "U05", "U06", "U07", "U99"]
        assert list(each_asked_member(session, schedule, "UTC", set(), page=3)) == []


def test_a_plan_split_in_batches_still_plans_each_key_once_across_overlapping_ticks(sessions, batches):
    make_channel(sessions, {f"U{i:02}": "UTC" for i in range(7)})
    plan(sessions, BEFORE)
    assert plan(sessions, UTC_9).due == 7
    assert plan(sessions, UTC_9 + timedelta(minutes=1), since=BEFORE).due == 0
    assert len(deliveries(sessions)) == 7


@pytest.mark.parametrize(
    ("small_audience", "few_due", "by_zone"),
    [(1000, 5000, False), (2, 5000, True), (2, 2, False)],
    ids=["small-audience-joined", "by-zone", "many-due-joined"],
)
def test_a_big_audience_is_read_from_the_people_living_in_the_zones_due(
    sessions, monkeypatch, small_audience, few_due, by_zone
):
    # Above SMALL_AUDIENCE members, and with at most FEW_DUE people in the zones due, planning
    # reads those people first, then which of them are members: the same people either way.
    monkeypatch.setattr(audience, "SMALL_AUDIENCE", small_audience)
    monkeypatch.setattr(audience, "FEW_DUE", few_due)
    taken = []
    real = audience._members_living_in
    monkeypatch.setattr(audience, "_members_living_in", lambda *a: taken.append(True) or real(*a))
    make_channel(sessions, PEOPLE | {"U99": None, "U98": "Asia/Tokyo"})
    members.sync_channel_members(
        sessions, TEAM, "C0OTHER", [PersonInfo("U50", "UTC"), PersonInfo("U51", None)], MADE_AT
    )
    with sessions.begin() as session:
        session.execute(update(Person).where(Person.user_id == "U05").values(deleted=True))
    with sessions() as session:
        schedule = session.query(Schedule).one()
        schedule.excluded_user_ids = ["U03"]
        paged = list(each_asked_member(session, schedule, "UTC", {"UTC", "Europe/Berlin"}, page=3))
        in_berlin = list(each_asked_member(session, schedule, "Europe/Berlin", {"Europe/Berlin"}, page=3))
    assert sorted((m.user_id, m.tz) for m in paged) == sorted(
        [(u, "UTC") for u in ("U00", "U01", "U02", "U04", "U06", "U07", "U99")]
        + [(u, "Europe/Berlin") for u in ("B00", "B01", "B02", "B03")]
    )  # not U50/U51 (another channel's), U05 (deactivated), U03 (excluded) nor U98 (Tokyo)
    assert sorted(m.user_id for m in in_berlin) == ["B00", "B01", "B02", "B03", "U99"]  # U99 has no zone
    assert bool(taken) == by_zone
