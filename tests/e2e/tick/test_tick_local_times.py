"""`goalbot tick --at …` sends each prompt at 09:00 in each person's own zone, once."""

from datetime import UTC, datetime, timedelta

from bot.domain.checkins.spec import ReminderPolicy
from tests.handlers.checkins.delivery_setup import add_channel

ZONES = {
    "U0NY": "America/New_York",
    "U0BERLIN": "Europe/Berlin",
    "U0KOLKATA": "Asia/Kolkata",
    "U0SYDNEY": "Australia/Sydney",
    "U0LA": "America/Los_Angeles",
}
NO_REMINDERS = ReminderPolicy(count=0)
MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_five_zones_each_get_their_prompt_at_nine_local_on_monday(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", ZONES, made_at=MADE_AT, reminders=NO_REMINDERS)
    ticks.watch(ZONES)

    # Every 30 minutes from Sunday noon to Monday evening (UTC): Monday 09:00 comes around the world.
    ticks.every(utc(2027, 2, 28, 12), utc(2027, 3, 1, 20), timedelta(minutes=30))

    assert {user: [g.tick for g in ticks.got[user]] for user in ZONES} == {
        "U0SYDNEY": [utc(2027, 2, 28, 22)],  # AEDT +11
        "U0KOLKATA": [utc(2027, 3, 1, 3, 30)],  # +05:30
        "U0BERLIN": [utc(2027, 3, 1, 8)],  # CET +1
        "U0NY": [utc(2027, 3, 1, 14)],  # EST -5
        "U0LA": [utc(2027, 3, 1, 17)],  # PST -8
    }
    assert "tick 2027-03-01T14:00:00Z: due 1, sent 1, retried 0, skipped 0" in ticks.lines
    assert ticks.lines[0] == "tick 2027-02-28T12:00:00Z: due 0, sent 0, retried 0, skipped 0"
