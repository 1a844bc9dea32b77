"""Group claims (claims.claim_group and its ranked_candidates), on SQLite and PostgreSQL: at most
`limit` rows of each workspace, expired claims before pending rows, then oldest first; `more` only
where `limit` or more were due; a workspace with nothing due gets an empty batch; other
workspaces' rows and rows another worker holds are left alone; claimed rows carry the claim (an
expired one its outcome unknown since the lost claim); rows the loader does not want are recorded
skipped; each workspace's loader item gets its own default zone. The PostgreSQL races are in
test_claim_group_races.py."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain.outbox import LEASE, NotWanted, OutboxState
from bot.outbound.outbox import claims
from bot.outbound.outbox.rows import OutboxTable
from bot.outbound.outbox.tables import CHECKIN_DELIVERIES, REPORT_POSTS
from bot.services.checkins.schedules import turn_off_schedule
from bot.services.reports.post_items import posts_to_send
from models.checkins import Delivery
from models.reports import ReportPost
from tests.outbound.outbox.helpers import add_report_post
from tests.services.checkins.helpers import CHANNEL, TEAM, make_channel, owner, plan
from tests.services.factories import make_goal

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)
ZONES = {"T1": "Europe/Paris", "T2": "Asia/Tokyo", "T3": "America/Lima"}


def add(
    sessions, team_id, *, due=NOW - timedelta(minutes=5), kind="pick_one", claimed_by=None, claimed_at=None
):
    with sessions() as session:
        period = f"p{session.scalar(select(ReportPost.id).order_by(ReportPost.id.desc()).limit(1)) or 0}"
    return add_report_post(
        sessions,
        team_id=team_id,
        period=period,
        due_at=due,
        kind=kind,
        claimed_by=claimed_by,
        claimed_at=claimed_at,
    )


def stored(sessions, post_id):
    with sessions() as session:
        return session.get_one(ReportPost, post_id)


def group(sessions, table=REPORT_POSTS, *, zones=ZONES, worker="w1", limit=2, now=NOW):
    return claims.claim_group(sessions, table, zones=zones, worker=worker, now=now, limit=limit)


@pytest.fixture
def seeded(sessions):
    """T1: an expired claim (due last) and three pending; T2: two pending; T3: one due in the
    future only; T9 (not in the group): one pending."""
    ids = {
        "t1_expired": add(
            sessions,
            "T1",
            due=NOW - timedelta(minutes=1),
            claimed_by="dead",
            claimed_at=NOW - LEASE - timedelta(seconds=1),
        ),
        "t1_new": add(sessions, "T1", due=NOW - timedelta(minutes=2)),
        "t1_old": add(sessions, "T1", due=NOW - timedelta(minutes=30)),
        "t1_mid": add(sessions, "T1", due=NOW - timedelta(minutes=10)),
        "t2_a": add(sessions, "T2"),
        "t2_b": add(sessions, "T2", due=NOW - timedelta(minutes=6)),
        "t3_future": add(sessions, "T3", due=NOW + timedelta(minutes=1)),
        "t9": add(sessions, "T9"),
    }
    return ids


def ids_of(batch):
    return [c.claim.id for c in batch.claimed]


def test_a_group_claim_takes_at_most_limit_of_each_workspace_expired_first_then_oldest(sessions, seeded):
    batches = group(sessions)
    assert set(batches) == {"T1", "T2", "T3"}
    assert ids_of(batches["T1"]) == [seeded["t1_old"], seeded["t1_expired"]]  # sent in due order
    assert ids_of(batches["T2"]) == [seeded["t2_b"], seeded["t2_a"]]
    assert (batches["T1"].more, batches["T2"].more) == (True, True)
    assert (batches["T3"].claimed, batches["T3"].more) == ([], False)
    assert stored(sessions, seeded["t9"]).state == OutboxState.PENDING
    assert stored(sessions, seeded["t3_future"]).state == OutboxState.PENDING
    again = group(sessions, worker="w2", limit=5)
    assert ids_of(again["T1"]) == [seeded["t1_mid"], seeded["t1_new"]]
    assert (again["T1"].more, again["T2"].claimed, again["T2"].more) == (False, [], False)


def test_ranked_candidates_puts_expired_claims_first_then_pending_oldest_first(sessions, seeded):
    with sessions() as session:
        found = claims.ranked_candidates(session, REPORT_POSTS, ["T1", "T2", "T3"], NOW, 3)
    assert found == {
        "T1": [seeded["t1_expired"], seeded["t1_old"], seeded["t1_mid"]],
        "T2": [seeded["t2_b"], seeded["t2_a"]],
        "T3": [],
    }


def test_claimed_rows_carry_the_claim_and_an_expired_one_is_unknown_since_its_lost_claim(sessions, seeded):
    group(sessions, worker="w1", limit=2)
    expired, fresh = stored(sessions, seeded["t1_expired"]), stored(sessions, seeded["t1_old"])
    assert (expired.state, expired.claimed_by, expired.claimed_at, expired.attempts) == (
        "sending",
        "w1",
        NOW,
        2,
    )
    assert expired.outcome_unknown_since == NOW - LEASE - timedelta(seconds=1)
    assert (fresh.state, fresh.claimed_by, fresh.claimed_at, fresh.attempts) == ("sending", "w1", NOW, 1)
    assert fresh.outcome_unknown_since is None


def test_a_row_another_worker_holds_within_its_lease_is_not_claimed_by_a_group(sessions):
    held = add(
        sessions,
        "T1",
        due=NOW - timedelta(hours=1),
        claimed_by="alive",
        claimed_at=NOW - LEASE + timedelta(seconds=1),
    )
    free = add(sessions, "T1")
    batches = group(sessions, limit=5)
    assert ids_of(batches["T1"]) == [free]
    assert (stored(sessions, held).claimed_by, stored(sessions, held).attempts) == ("alive", 1)


def test_rows_the_loader_does_not_want_are_recorded_skipped_and_items_get_their_workspaces_zone(sessions):
    def load(session, rows, now, zones):
        ready = posts_to_send(session, [r for r in rows if r.kind != "gone"], now, zones)
        return ready + [NotWanted(r.id, f"gone {r.team_id}") for r in rows if r.kind == "gone"]

    table = OutboxTable("report_posts", ReportPost, ReportPost.due_at, REPORT_POSTS.order_by, load)
    kept1, kept2 = add(sessions, "T1"), add(sessions, "T2")
    gone1, gone2 = add(sessions, "T1", kind="gone"), add(sessions, "T2", kind="gone")
    batches = group(sessions, table, limit=5)
    assert ids_of(batches["T1"]) == [kept1] and ids_of(batches["T2"]) == [kept2]
    assert [c.item.default_tz for c in batches["T1"].claimed + batches["T2"].claimed] == [
        "Europe/Paris",
        "Asia/Tokyo",
    ]
    for row_id, reason in ((gone1, "gone T1"), (gone2, "gone T2")):
        row = stored(sessions, row_id)
        assert (row.state, row.last_error, row.outcome_unknown_since) == ("skipped", reason, None)


def test_check_in_deliveries_take_the_workspaces_zone_unless_the_person_has_one(sessions):
    make_goal(sessions, channel_id=CHANNEL)
    make_channel(sessions, {"U0": None, "U1": "Atlantic/Reykjavik"})
    plan(sessions, NOW)
    batches = group(sessions, CHECKIN_DELIVERIES, zones={TEAM: "Europe/Paris", "T-OTHER": "UTC"}, limit=10)
    assert {c.item.user_id: c.item.tz for c in batches[TEAM].claimed} == {
        "U0": "Europe/Paris",
        "U1": "Atlantic/Reykjavik",
    }
    assert batches["T-OTHER"].claimed == []


def test_check_in_deliveries_of_a_turned_off_schedule_are_skipped_by_a_group_claim(sessions):
    make_goal(sessions, channel_id=CHANNEL)
    make_channel(sessions, {"U0": None, "U1": None})
    plan(sessions, NOW)
    turn_off_schedule(sessions, owner(), channel_id=CHANNEL)
    batches = group(sessions, CHECKIN_DELIVERIES, zones={TEAM: "UTC", "T-OTHER": "UTC"}, limit=10)
    assert batches[TEAM].claimed == [] and batches[TEAM].more is False
    with sessions() as session:
        rows = session.scalars(select(Delivery)).all()
    assert len(rows) == 2 and {(r.state, r.last_error) for r in rows} == {("skipped", "check-in turned off")}
