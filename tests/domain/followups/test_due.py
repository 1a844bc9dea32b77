from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.followups.due import Followup, due_followup_reminders


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


OPENED = utc(2027, 3, 1, 13)  # 14:00 in Berlin; due 48 hours later, 3 March 14:00 local


def test_not_due_before_48_hours_then_overdue():
    followup = Followup(1, OPENED)
    assert followup.due_at == utc(2027, 3, 3, 13)
    assert not followup.is_overdue(utc(2027, 3, 3, 12, 59))
    assert followup.is_overdue(utc(2027, 3, 3, 13))
    assert Followup(1, OPENED, due_hours=4).due_at == utc(2027, 3, 1, 17)


def test_reminds_once_a_day_in_daytime_until_closed():
    followup = Followup(7, OPENED, owner_key="U5")
    keys = set()
    tick = utc(2027, 3, 1)
    while tick < utc(2027, 3, 8):
        for reminder in due_followup_reminders([followup], tick, "Europe/Berlin"):
            assert reminder.to_owner
            assert 9 <= tick.astimezone(reminder_zone()).hour < 20
            keys.add(reminder.key)
        tick += timedelta(minutes=30)
    assert sorted(k.local_date.day for k in keys) == [3, 4, 5, 6, 7]
    closed = Followup(7, OPENED, closed_at=utc(2027, 3, 5, 6))
    assert due_followup_reminders([closed], utc(2027, 3, 5, 10), "Europe/Berlin") == []


def test_an_unowned_followup_reminds_the_channel_and_overdue_at_night_waits_for_morning():
    late = Followup(2, utc(2027, 3, 1, 21))  # overdue at 22:00 Berlin on 3 March
    assert due_followup_reminders([late], utc(2027, 3, 3, 21, 30), "Europe/Berlin") == []
    [reminder] = due_followup_reminders([late], utc(2027, 3, 4, 8), "Europe/Berlin")
    assert not reminder.to_owner
    assert reminder.key.local_date.isoformat() == "2027-03-04"


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        Followup(1, datetime(2027, 3, 1), due_hours=48).due_at  # noqa: B018
    with pytest.raises(ValueError):
        Followup(1, OPENED, due_hours=0).due_at  # noqa: B018


def reminder_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Berlin")
