"""`:at` and `:tick`: the console's clock moves and goalbot's tick runs, as the clock process would.

The tick is `goalbot tick`'s own (`run_passes` over PASSES), sending through a Sender pointed at
the stand-in. The planners keep their own cursor (`since`), so each tick covers everything due
since the previous one, and nothing twice. A jump runs one tick at the target instant and, before
it, one a day at the same time of day for each day jumped over (at most a week of them): the
check-in planner looks back only a day, so without them a prompt due on a day in between would
never be planned. A longer jump starts with one catch-up tick a week before the target, as when
goalbot comes back after downtime: what is still useful goes out late, the rest is skipped.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.entrypoints.console.clock import ConsoleClock
from bot.entrypoints.tick import run_passes, summary_line
from handlers.outbound.passes import PassSummary, TickContext

# No longer than the shortest planner look-back (check-ins: 24 h), so no window is dropped.
STEP = timedelta(days=1)
# Daily ticks at most this many: a jump of months would otherwise replay every weekly digest.
MOST_STEPS = 7


class TimeTravel:
    def __init__(self, clock: ConsoleClock, context: TickContext) -> None:
        self.clock, self.context = clock, context

    def jump(self, target: datetime, after_each: Callable[[str | None], None]) -> None:
        """Moves the clock to `target` (later than now), ticking on the way. After each tick,
        `after_each` gets its summary line: None for an in-between tick that found nothing."""
        start = self.clock.now()
        if target <= start:
            shown = start.astimezone(self.context.default_tz).strftime("%Y-%m-%d %H:%M %Z")
            raise ValueError(f"That is not later than the console's clock ({shown}); it only moves forward.")
        for instant in ticks_between(start, target):
            self.clock.move_to(instant)
            summary = run_passes(self.context, instant)
            quiet = instant != target and summary == PassSummary()
            after_each(None if quiet else summary_line(instant, summary))

    def tick(self, after_each: Callable[[str | None], None]) -> None:
        """One tick at the console's current time."""
        now = self.clock.now()
        after_each(summary_line(now, run_passes(self.context, now)))


def ticks_between(start: datetime, target: datetime) -> list[datetime]:
    """The instants to tick at for a jump from `start` to `target`: `target`, and before it one a
    day (`target` minus whole days) after `start`, at most MOST_STEPS of those."""
    instants = [target]
    while instants[-1] - STEP > start and len(instants) <= MOST_STEPS:
        instants.append(instants[-1] - STEP)
    return instants[::-1]
