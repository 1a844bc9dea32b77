"""Reminders for people who have not answered: when each is due, and which are dropped.

Reminder k (1…count) is planned `after * k` after the prompt actually went out (a prompt caught up
after downtime is not followed by an instant reminder). A planned time in quiet hours moves to the
end of the quiet hours; if the period has closed by then (or by the planned time), the reminder is
dropped: reminding someone of a check-in they can no longer answer is noise.

Like `due_prompts`, a reminder belongs to the one scan window `(since, now]` holding its firing
instant. It is due if, at `now`, the person has not answered, the period is still open and `now`
is not quiet (a tick that runs late after downtime must not wake anyone); otherwise it is dropped.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from bot.domain.checkins.due import PromptKey
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import closes_at
from bot.domain.checkins.quiet import is_quiet, quiet_ends_after
from bot.domain.checkins.spec import ScheduleSpec


@dataclass(frozen=True)
class SentPrompt:
    """A prompt that went out: `opened_at` is its scheduled instant, `sent_at` when it was posted."""

    key: PromptKey
    tz: str
    opened_at: datetime
    sent_at: datetime
    answered: bool


@dataclass(frozen=True)
class DueReminder:
    key: PromptKey
    sequence: int  # 1 for the first reminder; the outbox key is (prompt key, "reminder", sequence)
    remind_at: datetime


@dataclass(frozen=True)
class ReminderScan:
    due: list[DueReminder] = field(default_factory=list)
    dropped: list[DueReminder] = field(default_factory=list)


def due_reminders(
    spec: ScheduleSpec, prompts: Iterable[SentPrompt], since: datetime, now: datetime
) -> ReminderScan:
    scan = ReminderScan()
    for prompt in prompts:
        if prompt.answered:
            continue
        tz = zone(prompt.tz)
        closes = closes_at(spec, tz, prompt.opened_at)
        for sequence in range(1, spec.reminders.count + 1):
            planned = prompt.sent_at + spec.reminders.after * sequence
            fires = planned
            if spec.quiet_hours is not None and is_quiet(spec.quiet_hours, tz, planned):
                fires = quiet_ends_after(spec.quiet_hours, tz, planned)
            if not since < fires <= now:
                continue
            reminder = DueReminder(prompt.key, sequence, fires)
            sendable = fires < closes and now < closes and not is_quiet(spec.quiet_hours, tz, now)
            (scan.due if sendable else scan.dropped).append(reminder)
    scan.due.sort(key=lambda reminder: (reminder.remind_at, reminder.key, reminder.sequence))
    scan.dropped.sort(key=lambda reminder: (reminder.remind_at, reminder.key, reminder.sequence))
    return scan
