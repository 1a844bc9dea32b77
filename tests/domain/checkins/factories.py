"""Small builders for check-in rule tests."""

from datetime import UTC, date, datetime, time, timedelta

from bot.domain.checkins.away import Member
from bot.domain.checkins.due import Audience, DuePrompt, due_prompts
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ScheduleSpec

EVERY_DAY = frozenset(Weekday)
MON_WED_FRI = frozenset({Weekday.MON, Weekday.WED, Weekday.FRI})
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def spec(
    weekdays: frozenset[Weekday] = EVERY_DAY, at: time = time(9, 0), schedule_id: int = 1, **changes
) -> ScheduleSpec:
    return ScheduleSpec(schedule_id=schedule_id, weekdays=weekdays, local_time=at, **changes)


def audience(schedule: ScheduleSpec, *members: Member, holidays: frozenset[date] = frozenset()) -> Audience:
    return Audience(schedule, members, holidays)


def member(user_id: str = "U1", tz: str = "America/New_York", away_until: date | None = None) -> Member:
    return Member(user_id, tz, away_until)


def tick_through(
    audiences: list[Audience], start: datetime, end: datetime, step: timedelta = timedelta(minutes=15)
) -> list[DuePrompt]:
    """What a clock ticking every `step` from `start` to `end` finds due; it never skips anything."""
    due: list[DuePrompt] = []
    since = start
    while since < end:
        now = min(since + step, end)
        scan = due_prompts(audiences, since, now)
        assert scan.skipped == []
        due += scan.due
        since = now
    return due
