"""Pacing per workspace: each workspace gets at most `rate` calls a second from this process, and
a 429 pauses the whole workspace for its Retry-After, not only the message that got it."""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Lane:
    next_slot: float = 0.0  # monotonic time the next call may start
    paused_until: float = 0.0


class WorkspaceGate:
    def __init__(
        self,
        rate: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self._monotonic, self._sleep = monotonic, sleep
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()

    def wait_turn(self, team_id: str) -> None:
        """Blocks until this workspace may make one more call, and reserves that slot."""
        with self._lock:
            lane = self._lanes.setdefault(team_id, _Lane())
            now = self._monotonic()
            start = max(now, lane.next_slot, lane.paused_until)
            lane.next_slot = start + self.interval
        if start > now:
            self._sleep(start - now)

    def pause(self, team_id: str, seconds: float) -> None:
        """Slack said 429: nobody in this process calls for the workspace until Retry-After passes."""
        with self._lock:
            lane = self._lanes.setdefault(team_id, _Lane())
            until = self._monotonic() + max(0.0, seconds)
            lane.paused_until = max(lane.paused_until, until)
            lane.next_slot = max(lane.next_slot, lane.paused_until)
