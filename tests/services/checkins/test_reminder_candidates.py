"""A tick reads only the sent prompts that can have a reminder in its window, not the whole day's."""

from datetime import UTC, datetime, time, timedelta

from bot.services.checkins import planning
from bot.services.checkins.sent_prompts import reminder_candidates
from bot.services.checkins.specs import spec_of
from models.checkins import Schedule
from tests.outbound.outbox.helpers import claim_deliveries, mark_delivery_sent
from tests.services.checkins.helpers import DEFAULT_TZ, TEAM, make_channel, plan

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


def send_all(sessions, now):
    for d in claim_deliveries(sessions, now=now, limit=100, default_tz=DEFAULT_TZ):
        mark_delivery_sent(sessions, d.id, channel="D", ts=str(d.id), now=now)


def candidates(sessions, since, now, zones=frozenset()):
    with sessions() as session:
        spec = spec_of(session.query(Schedule).one())
        return reminder_candidates(session, TEAM, spec, since, now, DEFAULT_TZ, zones)


def test_only_prompts_whose_reminder_falls_in_the_window_are_read(sessions):
    make_channel(sessions, {f"U{i}": None for i in range(5)})  # reminder 2 h after the prompt
    plan(sessions, NINE - timedelta(minutes=1))
    plan(sessions, NINE)
    send_all(sessions, NINE)

    assert candidates(sessions, NINE, NINE + timedelta(minutes=1)) == []
    assert (
        len(candidates(sessions, NINE + timedelta(hours=2) - timedelta(minutes=1), NINE + timedelta(hours=2)))
        == 5
    )


def test_a_reminder_moved_to_the_end_of_quiet_hours_is_read_where_they_end(sessions):
    make_channel(sessions, {"U1": None}, local_time=time(19))  # 21:00 is quiet: moved to 08:00
    nineteen = NINE + timedelta(hours=10)
    plan(sessions, nineteen - timedelta(minutes=1))
    plan(sessions, nineteen)
    send_all(sessions, nineteen)
    eight = datetime(2027, 3, 2, 8, tzinfo=UTC)

    assert candidates(sessions, eight - timedelta(minutes=1), eight) == []  # UTC's quiet end not passed in
    assert len(candidates(sessions, eight - timedelta(minutes=1), eight, zones={"UTC"})) == 1
    summary = planning.plan_deliveries(
        sessions, now=eight, default_tz=DEFAULT_TZ, since=eight - timedelta(minutes=1)
    )
    assert summary.reminders == 1
