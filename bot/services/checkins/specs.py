"""A stored schedule row ↔ the domain's ScheduleSpec (minutes and "mon,wed,fri" in the table)."""

from datetime import timedelta

from bot.domain.checkins.spec import Questions, QuietHours, ReminderPolicy, ScheduleSpec
from bot.domain.checkins.weekdays import format_weekdays, parse_weekdays
from models.checkins import Schedule


def spec_of(schedule: Schedule) -> ScheduleSpec:
    quiet = (
        QuietHours(schedule.quiet_start, schedule.quiet_end)
        if schedule.quiet_start is not None and schedule.quiet_end is not None
        else None
    )
    return ScheduleSpec(
        schedule_id=schedule.id,
        weekdays=parse_weekdays(schedule.weekdays) or frozenset(),
        local_time=schedule.local_time,
        window=timedelta(minutes=schedule.window_minutes),
        reminders=ReminderPolicy(schedule.reminder_count, timedelta(minutes=schedule.reminder_after_minutes)),
        quiet_hours=quiet,
        anonymous=schedule.anonymous,
        min_answers=schedule.min_answers,
        questions=Questions(
            objective_ids=tuple(schedule.objective_ids),
            confidence=schedule.ask_confidence,
            expectations=schedule.ask_expectations,
            obstacles=schedule.ask_obstacles,
            category=schedule.ask_category,
            follow_up=schedule.ask_follow_up,
        ),
        starts_at=schedule.starts_at,
    )


def write_spec(schedule: Schedule, spec: ScheduleSpec) -> None:
    """Every setting of `spec` onto the row (its id and `starts_at` are the caller's business)."""
    schedule.weekdays = format_weekdays(spec.weekdays)
    schedule.local_time = spec.local_time
    schedule.window_minutes = _minutes(spec.window)
    schedule.reminder_count = spec.reminders.count
    schedule.reminder_after_minutes = _minutes(spec.reminders.after)
    schedule.quiet_start = spec.quiet_hours.start if spec.quiet_hours else None
    schedule.quiet_end = spec.quiet_hours.end if spec.quiet_hours else None
    schedule.anonymous = spec.anonymous
    schedule.min_answers = spec.min_answers
    questions = spec.questions
    schedule.objective_ids = list(questions.objective_ids)
    schedule.ask_confidence = questions.confidence
    schedule.ask_expectations = questions.expectations
    schedule.ask_obstacles = questions.obstacles
    schedule.ask_category = questions.category
    schedule.ask_follow_up = questions.follow_up


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
