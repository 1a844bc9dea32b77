from datetime import time, timedelta

import pytest

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import QuietHours, ReminderPolicy, ScheduleProblem, check_schedule

from .factories import spec


def test_the_defaults_are_the_products():
    schedule = spec()
    assert schedule.window == timedelta(hours=4)
    assert schedule.reminders == ReminderPolicy(count=1, after=timedelta(hours=2))
    assert schedule.quiet_hours == QuietHours(time(20, 0), time(8, 0))
    assert (schedule.anonymous, schedule.min_answers) == (False, 3)
    assert check_schedule(schedule) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekdays": frozenset()}, "weekdays"),
        ({"window": timedelta(minutes=5)}, "window"),
        ({"window": timedelta(hours=25)}, "window"),
        ({"reminders": ReminderPolicy(count=4)}, "reminders.count"),
        ({"reminders": ReminderPolicy(count=-1)}, "reminders.count"),
        ({"reminders": ReminderPolicy(after=timedelta(0))}, "reminders.after"),
        ({"min_answers": 2, "anonymous": True}, "min_answers"),
        ({"min_answers": 0}, "min_answers"),
    ],
)
def test_check_schedule_names_the_input(changes, field):
    weekdays = changes.pop("weekdays", frozenset({Weekday.MON}))
    problems = check_schedule(spec(weekdays, **changes))
    assert [problem.field for problem in problems] == [field]
    assert all(isinstance(problem, ScheduleProblem) and problem.message for problem in problems)


@pytest.mark.parametrize(
    ("start", "end", "inside", "outside"),
    [
        (
            time(20),
            time(8),
            [time(20), time(23, 59), time(0), time(7, 59)],
            [time(8), time(12), time(19, 59)],
        ),
        (time(12), time(14), [time(12), time(13, 59)], [time(11, 59), time(14), time(0)]),
        (time(9), time(9), [], [time(9), time(0), time(23)]),
    ],
)
def test_quiet_hours(start, end, inside, outside):
    quiet = QuietHours(start, end)
    assert all(quiet.contains(at) for at in inside)
    assert not any(quiet.contains(at) for at in outside)
