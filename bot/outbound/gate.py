"""Pacing per workspace: each workspace gets at most `rate` calls a second from this process, and
a 429 pauses the whole workspace for its Retry-After, not only the message that got it.

Across processes the workspace pool's lease makes one process at a time the sender for a
workspace: on taking it the pool seeds the lane with where the last sender stopped (`seed`), on
letting go it reads it back (`standing`), and `share_pauses` writes each 429 through to the
database at once so every process honours it."""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

PauseSink = Callable[[str, float], None]  # (team_id, seconds): a 429 to share with other processes


class LaneClosed(Exception):
    """This process lost the workspace's lease (another took it over after it expired): sending
    now would double the workspace's rate, so the call is refused and the outbox retries later."""


@dataclass
class _Lane:
    next_slot: float = 0.0  # monotonic time the next call may start
    paused_until: float = 0.0
    pauses: int = 0  # bumped by each 429, so a caller already waiting notices it
    closed: bool = False


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
        self.rate, self.interval = rate, 1.0 / rate
        self._monotonic, self._sleep = monotonic, sleep
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()
        self._shared: PauseSink | None = None

    def wait_turn(self, team_id: str) -> None:
        """Blocks until this workspace may make one more call, and reserves that slot. A 429 that
        arrives while waiting moves the turn past its pause (the slot reserved before is given up)."""
        while True:
            with self._lock:
                lane = self._lane(team_id)
                self._refuse_if_closed(team_id, lane)
                now = self._monotonic()
                start = max(now, lane.next_slot, lane.paused_until)
                lane.next_slot, pauses = start + self.interval, lane.pauses
            if start > now:
                self._sleep(start - now)
            with self._lock:
                if lane.pauses == pauses:
                    self._refuse_if_closed(team_id, lane)
                    return

    def pause(self, team_id: str, seconds: float) -> None:
        """Slack said 429: nobody calls for the workspace until Retry-After passes, in this process
        and (through `share_pauses`) in every other."""
        with self._lock:
            lane = self._lane(team_id)
            until = self._monotonic() + max(0.0, seconds)
            lane.paused_until = max(lane.paused_until, until)
            lane.next_slot = max(lane.next_slot, lane.paused_until)
            lane.pauses += 1
            shared = self._shared
        if shared is not None:
            shared(team_id, seconds)

    def share_pauses(self, sink: PauseSink) -> None:
        self._shared = sink

    def seed(self, team_id: str, *, next_send_in: float, paused_for: float) -> None:
        """The lane takes over where the workspace's last sender (maybe another process) stopped:
        its next call no earlier than `next_send_in` seconds from now, none during `paused_for`."""
        with self._lock:
            lane = self._lane(team_id)
            now = self._monotonic()
            lane.paused_until = max(lane.paused_until, now + max(0.0, paused_for))
            lane.next_slot = max(lane.next_slot, now + max(0.0, next_send_in), lane.paused_until)
            lane.closed = False

    def standing(self, team_id: str) -> tuple[float, float]:
        """(seconds until the next call may start, seconds of pause left), for the next sender."""
        with self._lock:
            lane = self._lane(team_id)
            now = self._monotonic()
            return max(0.0, lane.next_slot - now), max(0.0, lane.paused_until - now)

    def close(self, team_id: str) -> None:
        """The lease is lost: refuse this workspace's calls until it is seeded again."""
        with self._lock:
            self._lane(team_id).closed = True

    def _lane(self, team_id: str) -> _Lane:
        return self._lanes.setdefault(team_id, _Lane())

    @staticmethod
    def _refuse_if_closed(team_id: str, lane: _Lane) -> None:
        if lane.closed:
            raise LaneClosed(team_id)
