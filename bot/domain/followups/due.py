"""Customer follow-ups: when each is due, when it is overdue, and its once-a-day reminder.

An open follow-up is overdue from `opened_at + due_hours` (48 by default; a channel can change
it). From then on it reminds once per local day, keyed (follow-up id, local date), until it is
closed. A day's reminder goes out from the channel's reminder time (09:00 by default) until 20:00:
an item that falls overdue at 14:00 reminds at 14:00, one that falls overdue at 03:00 or 22:00
waits for the next 09:00, so nobody is pinged at night. A day the bot was down simply has no reminder:
catching up would post several at once about the same item.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.reports.local_time import require_aware, zone

DEFAULT_DUE_HOURS = 48
DEFAULT_REMINDER_TIME = time(9, 0)
EVENING = time(20, 0)


@dataclass(frozen=True)
class Followup:
    followup_id: int
    opened_at: datetime  # aware UTC; when it was flagged
    due_hours: int = DEFAULT_DUE_HOURS
    closed_at: datetime | None = None  # resolved or "not ours"
    owner_key: str | None = None  # who took it; None means remind the channel
    zone: str | None = None  # the channel's zone; None means the zone passed to the reminder check

    @property
    def due_at(self) -> datetime:
        return due_at(self.opened_at, self.due_hours)

    def is_open(self, now: datetime) -> bool:
        return self.closed_at is None or self.closed_at > now

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open(now) and require_aware(now) >= self.due_at


@dataclass(frozen=True, order=True)
class FollowupReminderKey:
    followup_id: int
    local_date: date


@dataclass(frozen=True)
class FollowupReminder:
    key: FollowupReminderKey
    followup: Followup

    @property
    def to_owner(self) -> bool:
        return self.followup.owner_key is not None


def due_at(opened_at: datetime, due_hours: int = DEFAULT_DUE_HOURS) -> datetime:
    if due_hours <= 0:
        raise ValueError(f"a follow-up needs a positive number of hours, got {due_hours}")
    return require_aware(opened_at) + timedelta(hours=due_hours)


def due_followup_reminders(
    followups: Iterable[Followup], now: datetime, tz: str, *, at: time = DEFAULT_REMINDER_TIME
) -> list[FollowupReminder]:
    """Today's reminder for every open overdue follow-up whose reminder hour has come.

    Returned every tick of the day; the key makes the database record it once.
    """
    require_aware(now)
    reminders = []
    for followup in followups:
        local_now = now.astimezone(zone(followup.zone or tz))
        if followup.is_overdue(now) and _reminder_hours(local_now, at):
            key = FollowupReminderKey(followup.followup_id, local_now.date())
            reminders.append(FollowupReminder(key, followup))
    return sorted(reminders, key=lambda r: (r.followup.opened_at, r.key))


def _reminder_hours(local_now: datetime, at: time) -> bool:
    # A channel that set its reminder time after 20:00 still gets its reminder, at that time.
    end = EVENING if at < EVENING else time.max
    return at <= local_now.time() < end
