"""Which workspace a free sender thread serves next: of the lanes whose workspace may call now,
the one with the most rows left (then the oldest-opened).

Each workspace takes at most its rate, so a pass is as short as it can be when no workspace is left
with many rows at the end, to go out at 20 a second while the senders have nothing else to do: the
lane with the most rows left goes first (the longest job first), and lanes drain together. A lane
whose workspace may not call yet (its gate says so: the rate, a 429's pause) waits aside until that
time, so picking costs a heap operation, not a look at every lane.
"""

import heapq
import time
from collections.abc import Callable

ReadyIn = Callable[[str], float]  # seconds until the workspace may call Slack (0: now)
Order = tuple[int, int]  # (-rows left, age): most rows left first, then the oldest-opened


class ReadyLanes:
    def __init__(self, ready_in: ReadyIn | None, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ready_in, self._monotonic = ready_in, monotonic
        self._now: list[tuple[Order, str]] = []  # (order, team): may call now, as far as last known
        self._later: list[tuple[float, Order, str]] = []  # (monotonic time it may, order, team)

    def __len__(self) -> int:
        return len(self._now) + len(self._later)

    def add(self, team: str, rows_left: int, age: int) -> None:
        """A lane with a row to send and room for one more in flight; `age`: the order it opened."""
        order, wait = (-rows_left, age), self._wait(team)
        if wait > 0:
            heapq.heappush(self._later, (self._monotonic() + wait, order, team))
        else:
            heapq.heappush(self._now, (order, team))

    def pop(self) -> tuple[str | None, float | None]:
        """The first lane in order whose workspace may call now (taken out); else None and the
        seconds until one may (None: no lane at all)."""
        now = self._monotonic()
        while self._later and self._later[0][0] <= now:
            _, order, team = heapq.heappop(self._later)
            heapq.heappush(self._now, (order, team))
        while self._now:
            order, team = heapq.heappop(self._now)
            wait = self._wait(team)
            if wait <= 0:
                return team, None
            heapq.heappush(self._later, (now + wait, order, team))
        return None, (self._later[0][0] - now if self._later else None)

    def _wait(self, team: str) -> float:
        return self._ready_in(team) if self._ready_in is not None else 0.0
