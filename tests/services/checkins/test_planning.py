"""plan_deliveries: due prompts into the outbox once, catch-up after downtime, skipped ones recorded."""

from datetime import UTC, date, datetime, timedelta

from bot.services.checkins.time_off import add_holiday, set_away
from tests.outbound.outbox.helpers import claim_deliveries, mark_delivery_sent
from tests.services.checkins.helpers import (
    DEFAULT_TZ,
    TEAM,
    answer,
    deliveries,
    make_channel,
    owner,
    plan,
)

MON = date(2027, 3, 1)
UTC_9 = datetime(2027, 3, 1, 9, tzinfo=UTC)
BERLIN_9 = datetime(2027, 3, 1, 8, tzinfo=UTC)  # CET, UTC+1
NEW_YORK_9 = datetime(2027, 3, 1, 14, tzinfo=UTC)  # EST, UTC-5
PEOPLE = {"U1": "Europe/Berlin", "U2": None, "U3": "America/New_York", "U4": "Not/AZone"}


def test_each_person_is_planned_at_nine_local_once_across_repeated_and_overlapping_ticks(sessions):
    make_channel(sessions, PEOPLE)
    plan(sessions, datetime(2027, 3, 1, 7, tzinfo=UTC))
    assert plan(sessions, BERLIN_9).due == 1
    assert plan(sessions, BERLIN_9).due == 0  # the same instant again
    assert plan(sessions, UTC_9, since=BERLIN_9 - timedelta(hours=2)).due == 2  # overlaps: U1 not again
    assert plan(sessions, NEW_YORK_9).due == 1
    assert deliveries(sessions) == [
        ("U1", MON, "prompt", 0, "pending", BERLIN_9),
        ("U2", MON, "prompt", 0, "pending", UTC_9),
        ("U4", MON, "prompt", 0, "pending", UTC_9),  # an unknown zone is the default zone
        ("U3", MON, "prompt", 0, "pending", NEW_YORK_9),
    ]


def test_catch_up_after_downtime_sends_inside_the_window_and_skips_outside(sessions):
    make_channel(sessions, PEOPLE)
    plan(sessions, datetime(2027, 3, 1, 7, tzinfo=UTC))
    # Down from 07:00 to 12:30 UTC: Berlin's 09:00 (08:00 UTC) window closed at 12:00, UTC's is open.
    summary = plan(sessions, datetime(2027, 3, 1, 12, 30, tzinfo=UTC))
    assert (summary.due, summary.skipped) == (2, 1)
    states = {user: state for user, _, _, _, state, _ in deliveries(sessions)}
    assert states == {"U1": "skipped", "U2": "pending", "U4": "pending"}


def test_the_lookback_bounds_the_catch_up(sessions):
    make_channel(sessions, {"U2": None})
    plan(sessions, datetime(2027, 3, 1, 7, tzinfo=UTC))
    # Down until Friday 10:00: Monday and Wednesday are beyond the 24 h lookback; Friday is due.
    summary = plan(sessions, datetime(2027, 3, 5, 10, tzinfo=UTC))
    assert (summary.due, summary.skipped) == (1, 0)
    assert [row[1] for row in deliveries(sessions)] == [date(2027, 3, 5)]


def test_away_people_holidays_bots_and_unscheduled_days_get_nothing(sessions):
    make_channel(sessions, {"U1": None, "U2": None})
    set_away(sessions, team_id=TEAM, user_id="U1", until=MON, now=UTC_9)
    plan(sessions, datetime(2027, 3, 1, 7, tzinfo=UTC))
    plan(sessions, UTC_9)
    plan(sessions, datetime(2027, 3, 2, 9, tzinfo=UTC))  # Tuesday: not scheduled
    add_holiday(sessions, owner(is_admin=True), day=date(2027, 3, 3), name="Closed")
    plan(sessions, datetime(2027, 3, 3, 9, tzinfo=UTC))
    assert [(row[0], row[1]) for row in deliveries(sessions)] == [("U2", MON)]


def test_one_reminder_after_two_hours_once_and_none_for_answered_prompts(sessions):
    make_channel(sessions, {"U1": None, "U2": None})
    plan(sessions, datetime(2027, 3, 1, 7, tzinfo=UTC))
    plan(sessions, UTC_9)
    sent = claim_deliveries(sessions, now=UTC_9, limit=10, default_tz=DEFAULT_TZ)
    for delivery in sent:
        mark_delivery_sent(sessions, delivery.id, channel="D1", ts="1.0", now=UTC_9)
    answer(sessions, "U1", at=UTC_9 + timedelta(minutes=5))
    first = plan(sessions, UTC_9 + timedelta(hours=2))
    again = plan(sessions, UTC_9 + timedelta(hours=3))
    assert (first.due, first.reminders, again.due) == (1, 1, 0)
    reminders = [row for row in deliveries(sessions) if row[2] == "reminder"]
    assert reminders == [("U2", MON, "reminder", 1, "pending", UTC_9 + timedelta(hours=2))]
