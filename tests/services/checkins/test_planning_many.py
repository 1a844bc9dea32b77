"""Planning many workspaces at once: a workspace where nothing can be due reads no members and
its cursor moves with the others; and a window of many zones reads only the zones people live in,
recording the same prompts as short windows would."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy
from bot.services.actor import Actor
from bot.services.checkins import members, plan_zones, planning, schedules
from bot.services.checkins.plan_zones import MANY_ZONES, narrowed
from bot.services.checkins.read_models import PersonInfo
from models.checkins import CheckinPlan, Delivery
from tests.services.checkins.helpers import MADE_AT, TEAM, deliveries, make_channel, plan, spec

EVERY_DAY = frozenset(Weekday)
NOON = datetime(2027, 3, 2, 12, tzinfo=UTC)
PEOPLE = {"U1": "UTC", "U2": "Europe/Berlin", "U3": "America/New_York", "U4": "Asia/Tokyo", "U5": None}


def test_narrowed_keeps_the_zones_due_someone_lives_in():
    due = frozenset({"UTC", "Europe/Berlin", "Asia/Tokyo"})
    assert narrowed(due, None, "UTC") == due  # not read: all of them
    assert narrowed(due, {"Europe/Berlin", "America/New_York"}, "UTC") == {"Europe/Berlin"}
    assert narrowed(due, {None}, "Asia/Tokyo") == {"Asia/Tokyo"}  # no zone: the default one
    assert narrowed(due, {None}, "America/New_York") == frozenset()


def test_a_day_in_one_pass_reads_only_zones_people_live_in_and_records_what_hourly_passes_would(
    sessions, monkeypatch
):
    make_channel(sessions, PEOPLE, weekdays=EVERY_DAY)
    asked: list[frozenset[str]] = []
    real = planning.each_asked_member

    def recording(session, schedule, default_tz, zones, **kwargs):
        asked.append(zones)
        return real(session, schedule, default_tz, zones, **kwargs)

    monkeypatch.setattr(planning, "each_asked_member", recording)
    plan(sessions, NOON, since=NOON - timedelta(hours=24))
    assert (
        len(plan_zones.zones_at(EVERY_DAY, spec().local_time, "UTC", NOON - timedelta(hours=24), NOON))
        > MANY_ZONES
    )
    assert asked and all(
        zones <= {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"} for zones in asked
    )
    at_once = {row[:4] + row[5:] for row in deliveries(sessions)}

    with sessions.begin() as session:
        session.query(Delivery).delete()
    for hour in range(24):
        now = NOON - timedelta(hours=23 - hour)
        plan(sessions, now, since=now - timedelta(hours=1))
    hourly = {row[:4] + row[5:] for row in deliveries(sessions)}
    assert at_once == hourly
    assert {user for user, *_ in at_once} == set(PEOPLE)  # a day: everyone's 09:00 once


def test_a_workspace_with_nothing_due_reads_no_members_and_its_cursor_moves_with_the_others(
    sessions, monkeypatch
):
    make_channel(sessions, {"U1": "UTC", "U2": "UTC"}, weekdays=EVERY_DAY)
    other = Actor(team_id="T0002", user_id="U0WNER", is_admin=True)
    members.sync_channel_members(sessions, "T0002", "C0TWO", [PersonInfo("V1", "UTC")], MADE_AT)
    schedules.set_schedule(
        sessions,
        other,
        channel_id="C0TWO",
        spec=spec(weekdays=EVERY_DAY, local_time=time(12, 7), reminders=ReminderPolicy(count=0)),
        now=MADE_AT,
    )
    nine = datetime(2027, 3, 2, 9, tzinfo=UTC)
    plan(sessions, nine - timedelta(minutes=1))
    read: list[str] = []
    real = planning.each_asked_member
    monkeypatch.setattr(
        planning,
        "each_asked_member",
        lambda session, schedule, *a, **k: read.append(schedule.team_id) or real(session, schedule, *a, **k),
    )

    assert plan(sessions, nine).due == 2
    assert read == [TEAM]  # no zone has 12:07 at 09:00 UTC, and T0002 has no reminders
    with sessions() as session:
        cursors = {t: at for t, at in session.execute(select(CheckinPlan.team_id, CheckinPlan.planned_until))}
    assert cursors == {TEAM: nine, "T0002": nine}
    assert plan(sessions, nine).due == 0  # a repeated tick plans nothing
    assert (
        plan(sessions, nine + timedelta(minutes=1), since=nine - timedelta(minutes=1)).due == 0
    )  # nor twice
    assert plan(sessions, NOON + timedelta(minutes=7)).due == 1  # T0002's turn
    today = [(user, kind) for user, day, kind, *_ in deliveries(sessions) if day == nine.date()]
    assert sorted(today) == [("U1", "prompt"), ("U2", "prompt"), ("V1", "prompt")]
