"""What a channel's check-in is: its days and local time, window, reminders, quiet hours and questions.

Defaults are the product's: a 4-hour response window, one reminder 2 hours after the prompt,
quiet hours 20:00–08:00 local, named answers, at least 3 answers before anonymous results show.
`check_schedule` says what is wrong with a spec built from a form; the constructors do not clamp.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from bot.domain.checkins.enums import Weekday

DEFAULT_WINDOW = timedelta(hours=4)
MAX_WINDOW = timedelta(hours=24)  # a period never lasts longer, so a longer window means nothing
DEFAULT_REMINDER_AFTER = timedelta(hours=2)
MAX_REMINDERS = 3
MIN_ANONYMOUS_ANSWERS = 3  # fewer, and a reader could tell who said what
CONFIDENCE_RANGE = range(1, 6)


@dataclass(frozen=True)
class QuietHours:
    """Local wall-clock hours with no reminders; `start > end` wraps midnight (20:00–08:00)."""

    start: time = time(20, 0)
    end: time = time(8, 0)

    def contains(self, at: time) -> bool:
        at = at.replace(tzinfo=None, fold=0)
        if self.start == self.end:
            return False  # an empty span, not the whole day
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end


@dataclass(frozen=True)
class ReminderPolicy:
    """Reminder k (1…count) is due `after * k` after the prompt went out."""

    count: int = 1
    after: timedelta = DEFAULT_REMINDER_AFTER


@dataclass(frozen=True)
class Questions:
    """Numbers for these objectives (ids, in order), and which of the fixed questions are asked.

    The fixed ones: confidence 1–5; "What do customers expect of us that we're not delivering?"
    (expectations); "What's getting in the way?" (obstacles); a category; a follow-up flag with a
    description. The wording lives with the views; these are only the switches.
    """

    objective_ids: tuple[int, ...] = ()
    confidence: bool = True
    expectations: bool = True
    obstacles: bool = True
    category: bool = True
    follow_up: bool = True


@dataclass(frozen=True)
class ScheduleSpec:
    """One schedule, as the scheduling rules need it.

    `starts_at`: prompts before this instant are never due, not even as skipped (a schedule made at
    10:00 does not owe today's 09:00 prompt; one made at 08:00 does).
    """

    schedule_id: int
    weekdays: frozenset[Weekday]
    local_time: time
    window: timedelta = DEFAULT_WINDOW
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    quiet_hours: QuietHours | None = field(default_factory=QuietHours)
    anonymous: bool = False
    min_answers: int = MIN_ANONYMOUS_ANSWERS
    questions: Questions = field(default_factory=Questions)
    starts_at: datetime | None = None


@dataclass(frozen=True)
class ScheduleProblem:
    """`field` names the form input: "weekdays", "local_time", "window", "reminders.count",
    "reminders.after", "quiet_hours", "min_answers"."""

    field: str
    message: str


def check_schedule(spec: ScheduleSpec) -> list[ScheduleProblem]:
    """Everything wrong with a spec; it may be stored iff the list is empty."""
    problems = []
    if not spec.weekdays:
        problems.append(ScheduleProblem("weekdays", "Pick at least one day, e.g. mon,wed,fri."))
    if not timedelta(minutes=15) <= spec.window <= MAX_WINDOW:
        problems.append(ScheduleProblem("window", "The response window is between 15 minutes and 24 hours."))
    if not 0 <= spec.reminders.count <= MAX_REMINDERS:
        problems.append(ScheduleProblem("reminders.count", f"Send 0 to {MAX_REMINDERS} reminders."))
    if not timedelta(minutes=15) <= spec.reminders.after <= MAX_WINDOW:
        problems.append(
            ScheduleProblem("reminders.after", "Remind between 15 minutes and 24 hours after the prompt.")
        )
    if spec.min_answers < MIN_ANONYMOUS_ANSWERS:
        problems.append(
            ScheduleProblem(
                "min_answers",
                f"Anonymous results need at least {MIN_ANONYMOUS_ANSWERS} answers, "
                "so nobody can be singled out.",
            )
        )
    return problems
