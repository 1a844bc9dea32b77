"""Which workspace a free sender thread serves next: the oldest-opened lane that may call now.

Oldest first, not round-robin: lanes then finish one after another at their workspace's pace, so
their leases come free and new lanes open steadily, instead of every lane finishing at once and
the senders waiting for the next group's claim. A lane whose workspace may not call yet (its gate
says so: the rate, a 429's pause) waits aside until that time, so picking costs a heap operation,
not a look at every lane.
"""

import heapq
import time
from collections.abc import Callable

ReadyIn = Callable[[str], float]  # seconds until the workspace may call Slack (0: now)


class ReadyLanes:
    def __init__(self, ready_in: ReadyIn | None, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ready_in, self._monotonic = ready_in, monotonic
        self._now: list[tuple[int, str]] = []  # (age, team): may call now, as far as last known
        self._later: list[tuple[float, int, str]] = []  # (monotonic time it may, age, team)

    def __len__(self) -> int:
        return len(self._now) + len(self._later)

    def add(self, team: str, age: int) -> None:
        """A lane with a row to send and room for one more in flight; `age`: the order it opened."""
        wait = self._wait(team)
        if wait > 0:
            heapq.heappush(self._later, (self._monotonic() + wait, age, team))
        else:
            heapq.heappush(self._now, (age, team))

    def pop(self) -> tuple[str | None, float | None]:
        """The oldest lane whose workspace may call now (taken out); else None and the seconds
        until one may (None: no lane at all)."""
        now = self._monotonic()
        while self._later and self._later[0][0] <= now:
            _, age, team = heapq.heappop(self._later)
            heapq.heappush(self._now, (age, team))
        while self._now:
            age, team = heapq.heappop(self._now)
            wait = self._wait(team)
            if wait <= 0:
                return team, None
            heapq.heappush(self._later, (now + wait, age, team))
        return None, (self._later[0][0] - now if self._later else None)

    def _wait(self, team: str) -> float:
        return self._ready_in(team) if self._ready_in is not None else 0.0
