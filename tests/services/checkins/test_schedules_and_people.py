"""Schedules (set, show, off), who is asked (sync, join, leave, user_change), time off, holidays."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.services.checkins import members, schedules, time_off
from bot.services.checkins.read_models import PersonInfo
from bot.services.checkins.refusals import (
    AdminOnly,
    HolidayExists,
    NoHoliday,
    NoSchedule,
    NotScheduleOwner,
    ScheduleInvalid,
)
from tests.services.checkins.helpers import CHANNEL, MADE_AT, TEAM, make_channel, owner, spec


def test_set_show_replace_and_turn_off(sessions):
    made = make_channel(sessions, {"U1": "Europe/Berlin", "UBOT": None}, anonymous=True)
    members.sync_channel_members(
        sessions,
        TEAM,
        CHANNEL,
        [PersonInfo("U1", "Europe/Berlin"), PersonInfo("UBOT", None, is_bot=True)],
        MADE_AT,
    )
    shown = schedules.show_schedule(sessions, team_id=TEAM, channel_id=CHANNEL)
    assert (shown.id, shown.owner_id, shown.spec.anonymous, shown.asked, shown.active) == (
        made.id,
        "U0WNER",
        True,
        1,
        True,
    )
    with pytest.raises(NotScheduleOwner):
        schedules.set_schedule(sessions, owner(user_id="U1"), channel_id=CHANNEL, spec=spec(), now=MADE_AT)
    replaced = schedules.set_schedule(
        sessions, owner(True, "UADMIN"), channel_id=CHANNEL, spec=spec(), now=MADE_AT
    )
    assert (replaced.id, replaced.owner_id, replaced.spec.anonymous) == (made.id, "UADMIN", False)
    assert not schedules.turn_off_schedule(sessions, owner(True), channel_id=CHANNEL).active
    with pytest.raises(NoSchedule):
        schedules.turn_off_schedule(sessions, owner(True), channel_id=CHANNEL)
    with pytest.raises(NoSchedule):
        schedules.show_schedule(sessions, team_id="T0THER", channel_id=CHANNEL)


def test_a_bad_spec_is_refused_with_its_field_and_nothing_stored(sessions):
    with pytest.raises(ScheduleInvalid) as refused:
        schedules.set_schedule(
            sessions, owner(), channel_id=CHANNEL, spec=spec(weekdays=frozenset()), now=MADE_AT
        )
    assert refused.value.field == "weekdays"
    with pytest.raises(NoSchedule):
        schedules.show_schedule(sessions, team_id=TEAM, channel_id=CHANNEL)


def test_members_follow_joins_leaves_and_user_changes(sessions):
    make_channel(sessions, {"U1": None, "U2": "Europe/Berlin"})
    later = MADE_AT + timedelta(days=2)
    result = members.sync_channel_members(
        sessions, TEAM, CHANNEL, [PersonInfo("U2", "Europe/Berlin"), PersonInfo("U3", "Bad/Zone")], later
    )
    assert (result.joined, result.left, result.asked) == (("U3",), ("U1",), 2)
    members.member_joined(sessions, team_id=TEAM, channel_id=CHANNEL, user_id="U4", now=later)
    members.member_left(sessions, team_id=TEAM, channel_id=CHANNEL, user_id="U2")
    assert members.person_changed(sessions, team_id=TEAM, info=PersonInfo("U3", deleted=True), now=later)
    assert not members.person_changed(sessions, team_id=TEAM, info=PersonInfo("U9"), now=later)
    assert schedules.show_schedule(sessions, team_id=TEAM, channel_id=CHANNEL).asked == 1  # U4
    # U1 was last refreshed at MADE_AT; U4 never (joined without users.info).
    assert members.stale_people(sessions, team_id=TEAM, now=later) == ["U4", "U1"]
    assert members.audiences_to_sync(sessions, team_id=TEAM, now=later) == []
    assert members.audiences_to_sync(sessions, team_id=TEAM, now=later + timedelta(days=2)) == [CHANNEL]


def test_away_back_and_holidays_for_admins_only(sessions):
    now = datetime(2027, 3, 1, tzinfo=UTC)
    assert time_off.set_away(sessions, team_id=TEAM, user_id="U1", until=date(2027, 3, 5), now=now)
    assert time_off.set_away(sessions, team_id=TEAM, user_id="U1", until=None, now=now) is None
    with pytest.raises(AdminOnly):
        time_off.add_holiday(sessions, owner(), day=date(2027, 12, 25), name="Christmas")
    time_off.add_holiday(sessions, owner(True), day=date(2027, 12, 25), name="Xmas")
    with pytest.raises(HolidayExists) as refused:  # never renamed silently
        time_off.add_holiday(sessions, owner(True), day=date(2027, 12, 25), name="Christmas")
    assert (refused.value.day, refused.value.name) == (date(2027, 12, 25), "Xmas")
    assert [(h.day, h.name) for h in time_off.list_holidays(sessions, team_id=TEAM)] == [
        (date(2027, 12, 25), "Xmas")
    ]
    assert time_off.list_holidays(sessions, team_id="T0THER") == []
    time_off.remove_holiday(sessions, owner(True), day=date(2027, 12, 25))
    with pytest.raises(NoHoliday):
        time_off.remove_holiday(sessions, owner(True), day=date(2027, 12, 25))


def test_back_says_whether_the_person_was_away(sessions):
    now = datetime(2027, 3, 5, 23, 30, tzinfo=UTC)  # still 5 March in New York, already 6 March in Berlin
    assert not time_off.end_away(sessions, team_id=TEAM, user_id="U1", now=now, default_tz="UTC")
    time_off.set_away(sessions, team_id=TEAM, user_id="U1", until=date(2027, 3, 5), now=now)
    assert time_off.end_away(sessions, team_id=TEAM, user_id="U1", now=now, default_tz="America/New_York")
    assert not time_off.end_away(sessions, team_id=TEAM, user_id="U1", now=now, default_tz="America/New_York")
    time_off.set_away(sessions, team_id=TEAM, user_id="U1", until=date(2027, 3, 5), now=now)
    assert not time_off.end_away(sessions, team_id=TEAM, user_id="U1", now=now, default_tz="Europe/Berlin")


def test_two_admins_adding_one_day_at_once_get_one_holiday_and_one_refusal(sessions, monkeypatch):
    time_off.add_holiday(sessions, owner(True), day=date(2027, 12, 25), name="Christmas")
    looked_up = time_off._holiday
    calls = []

    def not_seen_yet(session, team_id, day):  # the other admin's insert lands after this look-up
        calls.append(day)
        return None if len(calls) == 1 else looked_up(session, team_id, day)

    monkeypatch.setattr(time_off, "_holiday", not_seen_yet)
    with pytest.raises(HolidayExists) as refused:
        time_off.add_holiday(sessions, owner(True), day=date(2027, 12, 25), name="Xmas")
    assert refused.value.name == "Christmas"
    assert [(h.day, h.name) for h in time_off.list_holidays(sessions, team_id=TEAM)] == [
        (date(2027, 12, 25), "Christmas")
    ]
