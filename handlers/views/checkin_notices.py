"""What `/checkin` says back: a schedule, the status, time off, holidays, and answers' receipts."""

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block

from bot.domain.checkins.spec import ScheduleSpec
from bot.services.checkins.read_models import AnswerRecorded, CheckinStatus, HolidayView, ScheduleView
from handlers.views.blocks import context, lines_within, section
from handlers.views.checkin_schedule_modal import span_label
from handlers.views.format import channel_mention, escape, format_date, mention, truncate
from handlers.views.limits import SECTION_TEXT

MAX_MISSING_SHOWN = 50


def describe_spec(spec: ScheduleSpec) -> str:
    days = ", ".join(day.short.capitalize() for day in sorted(spec.weekdays))
    reminders = spec.reminders.count
    reminded = (
        "no reminders"
        if reminders == 0
        else f"{reminders} reminder{'s' if reminders > 1 else ''} "
        f"every {span_label(_minutes(spec.reminders.after))}"
    )
    quiet = spec.quiet_hours
    quiet_text = f", none {quiet.start:%H:%M}–{quiet.end:%H:%M}" if quiet and quiet.start != quiet.end else ""
    anonymous = (
        f"*anonymous* (results shown from {spec.min_answers} answers)" if spec.anonymous else "named answers"
    )
    return (
        f"{days} at {spec.local_time:%H:%M} in each person's time zone · "
        f"answer within {span_label(_minutes(spec.window))} · {reminded}{quiet_text} · {anonymous}"
    )


def schedule_text(view: ScheduleView, *, counted: bool = True) -> str:
    """`counted=False` right after a save, before the members are read from Slack: the count
    stored then may be stale or 0, and the true one follows (`asked_text`)."""
    where = channel_mention(view.channel_id)
    if not view.active:
        return f"{where}'s check-in is off. Turn it on again with `/checkin schedule`."
    who = (
        "this channel's members"
        if view.audience_id == view.channel_id
        else f"user group `{escape(view.audience_id)}`"
    )
    count = f" ({_people(view.asked)})" if counted and view.asked else ""
    return (
        f"Check-in for {where}: {describe_spec(view.spec)}. "
        f"Asks {who}{count}, set by {mention(view.owner_id)}."
    )


def asked_text(view: ScheduleView) -> str:
    """Once the members are read: who the check-in asks (members who are not bots, deactivated
    or excluded), the same count `schedule_text` shows."""
    return f"{channel_mention(view.channel_id)}'s check-in asks {_people(view.asked)}."


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def build_schedule(view: ScheduleView, *, saved: bool = False, counted: bool = True) -> list[Block]:
    blocks: list[Block] = [section(("✓ Saved. " if saved else "") + schedule_text(view, counted=counted))]
    if view.active:
        blocks.append(context("Change it with `/checkin schedule`; stop it with `/checkin schedule off`."))
    return blocks


def status_text(status: CheckinStatus) -> str:
    head = f"{channel_mention(status.channel_id)} this period: *{status.answered}/{status.asked}* answered"
    if status.anonymous:
        return head + " (anonymous: names are never shown)."
    if not status.missing:
        return head + "." if status.asked else head + " (nobody is due right now)."
    shown = [mention(user_id) for user_id in status.missing[:MAX_MISSING_SHOWN]]
    more = len(status.missing) - len(shown)
    return f"{head}. Still missing: {', '.join(shown)}" + (f" and {more} more." if more else ".")


def away_text(until: date) -> str:
    return (
        f"You're away until {format_date(until)} (inclusive): no check-in prompts until then. "
        "You can still answer with `/checkin`; `/checkin back` ends it early."
    )


def back_text(was_away: bool) -> str:
    if not was_away:
        return (
            "You weren't away, so nothing changed: your check-ins come as usual. "
            "To take time off, e.g. `/checkin away until 2026-12-24` or `/checkin away 2w`."
        )
    return "Welcome back: your check-ins start again with the next one."


def holidays_text(holidays: Sequence[HolidayView]) -> str:
    if not holidays:
        return (
            "No workspace holidays yet. An admin adds one with `/checkin holiday add 2026-12-25 Christmas`."
        )
    lines = [f"{h.day.isoformat()} · {escape(truncate(h.name, 100))}" for h in holidays]
    return "Workspace holidays (nobody is prompted):\n" + lines_within(lines, SECTION_TEXT - 60, "holidays")


def holiday_added_text(holiday: HolidayView) -> str:
    name = escape(holiday.name)
    return f"{holiday.day.isoformat()} ({name}) is a workspace holiday: nobody is prompted that day."


def holiday_removed_text(holiday: HolidayView) -> str:
    return f"{holiday.day.isoformat()} ({escape(holiday.name)}) is no longer a holiday."


def answer_receipt(recorded: AnswerRecorded) -> str:
    done = "Updated your check-in" if recorded.edited else "Thanks, your check-in is recorded"
    late = " (late)" if recorded.late else ""
    numbers = len(recorded.answer.numbers)
    counted = f", {numbers} number{'s' if numbers != 1 else ''} recorded" if numbers else ""
    anonymous = " anonymously" if recorded.anonymous else ""
    return f"{done}{anonymous}{late} for {channel_mention(recorded.channel_id)}{counted} ✓"


def nothing_open_text(next_at: datetime | None, tz: ZoneInfo, *, recorded: bool = True) -> str:
    """`recorded`: said to a DM reply, which was not stored."""
    base = "No check-in is open for you right now (one that has closed can't be answered any more)"
    base += ", so nothing was recorded." if recorded else "."
    if next_at is None:
        return base + " You're not asked in any channel's check-in yet."
    return base + f" Your next one is {next_at.astimezone(tz):%a %d %b at %H:%M}."


def _minutes(span) -> int:
    return int(span.total_seconds() // 60)
