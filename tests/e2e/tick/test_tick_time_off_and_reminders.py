"""Who is not prompted (away, holidays, unscheduled days), one reminder only once and never in
quiet hours, and what a tick after downtime sends or skips; all through `goalbot tick --at`."""

from datetime import UTC, date, datetime, time, timedelta

from bot.domain.checkins.spec import ReminderPolicy
from bot.services.checkins import time_off
from bot.services.checkins.read_models import AnswerInput
from tests.handlers.checkins.delivery_setup import add_channel
from tests.services.checkins.helpers import TEAM, answer, owner

MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)
NO_REMINDERS = ReminderPolicy(count=0)
UTC_PEOPLE = {"U0ANA": None, "U0BOB": None, "U0CAT": None}


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_away_holidays_and_unscheduled_days_get_no_prompt(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", UTC_PEOPLE, made_at=MADE_AT, reminders=NO_REMINDERS)
    time_off.set_away(sessions, team_id=TEAM, user_id="U0BOB", until=date(2027, 3, 3), now=MADE_AT)
    time_off.add_holiday(sessions, owner(is_admin=True), day=date(2027, 3, 5), name="Founders' day")
    ticks.watch(UTC_PEOPLE)

    # Mon 1 March … Mon 8 March, every 3 hours (09:00 among them; a prompt's window is 4 hours, so
    # one due at any hour would be seen): the schedule is Mon/Wed/Fri 09:00.
    ticks.every(utc(2027, 3, 1), utc(2027, 3, 8, 21), timedelta(hours=3))

    prompted_on = {user: [g.local_date for g in ticks.got[user]] for user in UTC_PEOPLE}
    assert prompted_on == {
        "U0ANA": [date(2027, 3, 1), date(2027, 3, 3), date(2027, 3, 8)],  # Friday 5th is a holiday
        "U0BOB": [date(2027, 3, 8)],  # away until Wednesday 3rd, inclusive
        "U0CAT": [date(2027, 3, 1), date(2027, 3, 3), date(2027, 3, 8)],
    }


def test_one_reminder_for_who_has_not_answered_and_only_once(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", UTC_PEOPLE, made_at=MADE_AT)  # 1 reminder after 2 h
    ticks.watch(UTC_PEOPLE)

    ticks.every(utc(2027, 3, 1, 8), utc(2027, 3, 1, 10), timedelta(minutes=30))
    answer(sessions, "U0ANA", at=utc(2027, 3, 1, 10, 15), given=AnswerInput(confidence=4))
    ticks.every(utc(2027, 3, 1, 10, 30), utc(2027, 3, 1, 20), timedelta(minutes=30))
    ticks.tick(utc(2027, 3, 1, 11))  # the reminder's instant again: nothing new

    assert [g.tick for g in ticks.reminders("U0ANA")] == []
    assert [g.tick for g in ticks.reminders("U0BOB")] == [utc(2027, 3, 1, 11)]
    assert [g.tick for g in ticks.reminders("U0CAT")] == [utc(2027, 3, 1, 11)]
    assert all(len(ticks.prompts(user)) == 1 for user in UTC_PEOPLE)


def test_no_reminder_in_quiet_hours_it_waits_for_their_end(ticks, sessions, slack_api):
    # 19:00 Berlin, reminder 2 h later would be 21:00: quiet (20:00–08:00), so it comes at 08:00.
    add_channel(
        sessions, slack_api, "C0SHOP", {"U0BERLIN": "Europe/Berlin"}, made_at=MADE_AT, local_time=time(19)
    )
    ticks.watch(["U0BERLIN"])

    ticks.every(utc(2027, 3, 1, 17), utc(2027, 3, 2, 12), timedelta(minutes=30))

    assert [g.tick for g in ticks.prompts("U0BERLIN")] == [utc(2027, 3, 1, 18)]  # 19:00 CET
    assert [g.tick for g in ticks.reminders("U0BERLIN")] == [utc(2027, 3, 2, 7)]  # 08:00 CET


def test_after_downtime_a_prompt_still_in_its_window_goes_out(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", UTC_PEOPLE, made_at=MADE_AT, reminders=NO_REMINDERS)
    ticks.watch(UTC_PEOPLE)

    ticks.tick(utc(2027, 3, 1, 8))
    line = ticks.tick(utc(2027, 3, 1, 12, 30))  # down 08:00–12:30; the window closes at 13:00

    assert line == "tick 2027-03-01T12:30:00Z: due 3, sent 3, retried 0, skipped 0"
    assert {user: len(ticks.prompts(user)) for user in UTC_PEOPLE} == dict.fromkeys(UTC_PEOPLE, 1)


def test_after_downtime_a_prompt_past_its_window_is_recorded_skipped_not_sent(ticks, sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", UTC_PEOPLE, made_at=MADE_AT, reminders=NO_REMINDERS)
    ticks.watch(UTC_PEOPLE)

    ticks.tick(utc(2027, 3, 1, 8))
    line = ticks.tick(utc(2027, 3, 1, 13, 30))  # the window closed at 13:00

    assert line == "tick 2027-03-01T13:30:00Z: due 0, sent 0, retried 0, skipped 3"
    assert ticks.got == {}
