from datetime import UTC, date, datetime, time, timedelta

from bot.domain.checkins.due import PromptKey
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.reminders import DueReminder, SentPrompt, due_reminders
from bot.domain.checkins.spec import QuietHours, ReminderPolicy

from .factories import EVERY_DAY, MON_WED_FRI, spec

BERLIN = zone("Europe/Berlin")
MONDAY = date(2027, 3, 1)
KEY = PromptKey(1, "U1", MONDAY)
MINUTE = timedelta(minutes=1)


def _at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).astimezone(UTC)


def _prompt(opened: datetime, sent: datetime | None = None, answered: bool = False) -> SentPrompt:
    return SentPrompt(KEY, "Europe/Berlin", opened, sent or opened, answered)


def _every_minute(schedule, prompts, start, end):
    found = []
    since = start
    while since < end:
        scan = due_reminders(schedule, prompts, since, since + MINUTE)
        found += [("due", r) for r in scan.due] + [("dropped", r) for r in scan.dropped]
        since += MINUTE
    return found


def test_one_reminder_two_hours_after_the_prompt_and_only_once():
    found = _every_minute(
        spec(MON_WED_FRI), [_prompt(_at(9))], _at(9), _at(9, day=MONDAY + timedelta(days=1))
    )
    assert found == [("due", DueReminder(KEY, 1, _at(11)))]


def test_nobody_who_answered_is_reminded():
    assert _every_minute(spec(MON_WED_FRI), [_prompt(_at(9), answered=True)], _at(9), _at(23)) == []


def test_at_most_the_configured_number_spaced_by_the_interval():
    schedule = spec(MON_WED_FRI, reminders=ReminderPolicy(count=3, after=timedelta(hours=1)))
    found = _every_minute(schedule, [_prompt(_at(9))], _at(9), _at(23))
    assert found == [("due", DueReminder(KEY, k, _at(9 + k))) for k in (1, 2, 3)]


def test_reminders_count_from_when_the_prompt_actually_went_out():
    found = _every_minute(spec(MON_WED_FRI), [_prompt(_at(9), sent=_at(10, 30))], _at(9), _at(23))
    assert found == [("due", DueReminder(KEY, 1, _at(12, 30)))]


def test_a_reminder_in_quiet_hours_waits_for_their_end_if_the_period_is_still_open():
    # 19:00 prompt, reminder planned 21:00 (quiet until 08:00); the period runs to Tuesday 19:00.
    schedule = spec(EVERY_DAY, time(19, 0), window=timedelta(hours=20))
    found = _every_minute(schedule, [_prompt(_at(19))], _at(19), _at(19, day=MONDAY + timedelta(days=1)))
    assert found == [("due", DueReminder(KEY, 1, _at(8, day=MONDAY + timedelta(days=1))))]


def test_a_reminder_whose_quiet_end_is_after_the_period_closes_is_dropped():
    # Daily at 19:00: the period closes at Tuesday 19:00. Quiet 20:30-19:30 moves the 21:00
    # reminder to Tuesday 19:30, after the close, so it is dropped (reported once, never sent).
    almost_always_quiet = spec(EVERY_DAY, time(19, 0), quiet_hours=QuietHours(time(20, 30), time(19, 30)))
    tuesday = MONDAY + timedelta(days=1)
    found = _every_minute(almost_always_quiet, [_prompt(_at(19))], _at(19), _at(21, day=tuesday))
    assert found == [("dropped", DueReminder(KEY, 1, _at(19, 30, day=tuesday)))]


def test_without_quiet_hours_the_evening_reminder_goes_out():
    no_quiet = spec(EVERY_DAY, time(19, 0), quiet_hours=None)
    assert _every_minute(no_quiet, [_prompt(_at(19))], _at(19), _at(23)) == [
        ("due", DueReminder(KEY, 1, _at(21)))
    ]
    empty_span = spec(EVERY_DAY, time(19, 0), quiet_hours=QuietHours(time(20, 0), time(20, 0)))
    assert _every_minute(empty_span, [_prompt(_at(19))], _at(19), _at(23)) == [
        ("due", DueReminder(KEY, 1, _at(21)))
    ]


def test_no_reminder_is_ever_due_in_quiet_hours():
    schedule = spec(EVERY_DAY, time(6, 0), reminders=ReminderPolicy(count=3, after=timedelta(minutes=40)))
    found = _every_minute(schedule, [_prompt(_at(6))], _at(6), _at(12))
    quiet = QuietHours()
    assert [kind for kind, _ in found] == ["due", "due", "due"]
    assert all(not quiet.contains(r.remind_at.astimezone(BERLIN).time()) for _, r in found)
    # 06:40 and 07:20 wait for 08:00; 08:00 is the third's own time: all three at 08:00, none earlier.
    assert {r.remind_at for _, r in found} == {_at(8)}


def test_a_late_tick_after_downtime_drops_a_reminder_if_now_is_quiet_or_the_period_closed():
    schedule = spec(MON_WED_FRI)
    prompts = [_prompt(_at(9))]
    at_night = due_reminders(schedule, prompts, _at(10), _at(21))
    assert at_night.due == [] and at_night.dropped == [DueReminder(KEY, 1, _at(11))]
    next_day = due_reminders(schedule, prompts, _at(10), _at(10, day=MONDAY + timedelta(days=1)))
    assert next_day.due == [] and next_day.dropped == [DueReminder(KEY, 1, _at(11))]
    still_fine = due_reminders(schedule, prompts, _at(10), _at(12))
    assert still_fine.due == [DueReminder(KEY, 1, _at(11))]
