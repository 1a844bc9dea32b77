"""`:at` and `:tick`: the console's clock moves and goalbot's tick runs, as the clock process would.

The tick is `goalbot tick`'s own (`run_passes` over PASSES), sending through a Sender pointed at
the stand-in. The planners keep their own cursor (`since`), so each tick covers everything due
since the previous one, and nothing twice. A jump runs one tick at the target instant and, before
it, one a day at the same local time of day (the workspace's zone, so across a DST change too) for
each day jumped over (at most a week of them): the check-in planner looks back only a day, so
without them a prompt due on a day in between would never be planned. A longer jump starts with
one catch-up tick a week before the target, as when goalbot comes back after downtime: what is
still useful goes out late, the rest is skipped. Each tick's summary line is printed.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.entrypoints.console.clock import ConsoleClock
from bot.entrypoints.tick import run_passes, summary_line
from bot.outbound.passes import TickContext

# No longer than the shortest planner look-back (check-ins: 24 h), so no window is dropped.
STEP = timedelta(days=1)
# Daily ticks at most this many: a jump of months would otherwise replay every weekly digest.
MOST_STEPS = 7


class TimeTravel:
    def __init__(
        self,
        clock: ConsoleClock,
        context: TickContext,
        *,
        remember: Callable[[datetime], None] = lambda instant: None,
        zone: Callable[[], ZoneInfo] | None = None,
    ) -> None:
        """`remember` keeps the clock with the data (the next session resumes from it); `zone` reads
        the workspace's default zone (`/goals settings timezone`), else the context's fallback."""
        self.clock, self.context, self.remember = clock, context, remember
        self._zone = zone or (lambda: context.default_tz)

    def zone(self) -> ZoneInfo:
        """The zone `:at` reads times in and the daily ticks keep their local time in: the
        workspace's, as the tick plans its people with no zone of their own."""
        return self._zone()

    def jump(self, target: datetime, after_each: Callable[[str], None]) -> None:
        """Moves the clock to `target` (later than now), ticking on the way. After each tick,
        `after_each` gets its summary line."""
        start, zone = self.clock.now(), self.zone()
        if target <= start:
            shown = start.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
            raise ValueError(f"That is not later than the console's clock ({shown}); it only moves forward.")
        for instant in ticks_between(start, target, zone):
            self.clock.move_to(instant)
            self.remember(instant)
            after_each(summary_line(instant, run_passes(self.context, instant)))

    def tick(self, after_each: Callable[[str], None]) -> None:
        """One tick at the console's current time."""
        now = self.clock.now()
        after_each(summary_line(now, run_passes(self.context, now)))


def ticks_between(start: datetime, target: datetime, zone: ZoneInfo) -> list[datetime]:
    """The instants to tick at for a jump from `start` to `target`: `target`, and before it one a
    day at the target's local time of day in `zone` (so 09:30 stays 09:30 across a DST change)
    after `start`, at most MOST_STEPS of those."""
    local = target.astimezone(zone).replace(tzinfo=None)
    instants = [target]
    for days in range(1, MOST_STEPS + 1):
        earlier = (local - days * STEP).replace(tzinfo=zone).astimezone(UTC)
        if earlier <= start:
            break
        instants.append(earlier)
    return instants[::-1]
