"""Keyed moments and exactly-once windowing.

A scheduler tick asks "what fell due in (since, now]?" where `since` is the instant of the
previous successful tick. Because consecutive windows share only their boundary, and a window is
open on the left and closed on the right, every moment lands in exactly one window however the
ticks are spaced. The key is what the database makes unique, so even two ticks over the same
window (a retry, two clock processes) record a moment once.

After downtime the window is wide. A moment found in it is still sent while it is useful (before
its `useful_until`); after that it is returned as skipped, so the caller can record it as such
and the tick summary can count it, instead of posting a stale reminder.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.reports.local_time import require_aware

# However close the next stage is, a moment stays sendable this long after its time, so two
# stages that fall on the same day (a month made mostly of holidays) both go out.
MINIMUM_GRACE = timedelta(hours=1)


@dataclass(frozen=True, order=True)
class MomentKey:
    """Unique per channel, kind and period: ("C123", "month_start", "2027-03")."""

    channel_id: str
    kind: str
    period: str


@dataclass(frozen=True)
class Moment:
    key: MomentKey
    at: datetime  # UTC instant it is due
    useful_until: datetime  # UTC; at or after this a late moment is skipped

    @property
    def kind(self) -> str:
        return self.key.kind

    @property
    def period(self) -> str:
        return self.key.period


@dataclass(frozen=True)
class Due:
    """What a tick should do with the moments in its window."""

    send: tuple[Moment, ...] = ()
    skip: tuple[Moment, ...] = ()  # found late, past usefulness: record as skipped, do not post

    def __add__(self, other: "Due") -> "Due":
        return Due(self.send + other.send, self.skip + other.skip)


def check_window(since: datetime, now: datetime) -> None:
    require_aware(since)
    require_aware(now)
    if since > now:
        raise ValueError(f"window starts after it ends: since={since.isoformat()} now={now.isoformat()}")


def in_window(moments: Iterable[Moment], since: datetime, now: datetime) -> Due:
    """Split the moments that fell due in (since, now] into those to send and those to skip."""
    check_window(since, now)
    found = sorted((m for m in moments if since < m.at <= now), key=lambda m: (m.at, m.key))
    send = tuple(m for m in found if now < m.useful_until)
    skip = tuple(m for m in found if now >= m.useful_until)
    return Due(send, skip)


def useful_until(at: datetime, next_stage: datetime | None, fallback: datetime) -> datetime:
    """A late moment is useful until the next stage of the same schedule would be due."""
    limit = next_stage if next_stage is not None else fallback
    return max(limit, at + MINIMUM_GRACE)
