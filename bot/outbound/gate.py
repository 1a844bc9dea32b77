"""Pacing per workspace: each workspace gets at most `rate` calls a second from this process, and
a 429 pauses the whole workspace for its Retry-After, not only the message that got it.

Two rules keep the rate as Slack counts it, at its end of the wire. Calls start at least 1/rate
apart; and no call starts while the workspace's last `per_window` calls (rate × 1 s) are in flight
or answered less than a window ago. Spacing alone is not enough: a call held up on its way (a busy
machine, a slow connection) arrives right behind the next one, and Slack would count one call too
many in a second and answer 429. Counting from answers holds whatever the delays: a call cannot
arrive after its answer, so calls `per_window` apart arrive at least a window apart.

Across processes the workspace pool's lease makes one process at a time the sender for a
workspace: on taking it the pool seeds the lane with where the last sender stopped (`seed`), on
letting go it reads it back (`standing`), and `share_pauses` writes each 429 through to the
database at once so every process honours it."""

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

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
    in_flight: int = 0  # calls let out (or with a slot reserved) and not answered yet
    answered: deque[float] = field(default_factory=deque)  # when recent calls got their answers


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
        # 20 a second: 20 calls in any second; half a call a second: 1 call in any 2 seconds.
        self.per_window = max(1, math.floor(rate))
        self.window = self.per_window / rate
        self._monotonic, self._sleep = monotonic, sleep
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()
        self._answer = threading.Condition(self._lock)  # a call got its answer
        self._shared: PauseSink | None = None

    @contextmanager
    def turn(self, team_id: str) -> Iterator[None]:
        """Waits for the workspace's turn, then counts the call in flight until the block ends
        (the answer came, or none will)."""
        self.wait_turn(team_id)
        try:
            yield
        finally:
            self.answered(team_id)

    def wait_turn(self, team_id: str) -> None:
        """Blocks until this workspace may make one more call, and reserves that slot, counted in
        flight until `answered` (pair them, or use `turn`). A 429 that arrives while waiting moves
        the turn past its pause (the slot reserved before is given up)."""
        while True:
            with self._lock:
                lane = self._lane(team_id)
                self._refuse_if_closed(team_id, lane)
                now = self._monotonic()
                self._forget_answers_before(lane, now - self.window)
                if lane.in_flight >= self.per_window:  # a whole window in flight: wait for an answer
                    self._answer.wait(self.window)
                    continue
                start = max(now, lane.next_slot, lane.paused_until, self._window_opens(lane))
                lane.next_slot, pauses = start + self.interval, lane.pauses
                lane.in_flight += 1
            if start > now:
                self._sleep(start - now)
            with self._lock:
                if lane.pauses == pauses and not lane.closed:
                    return
                lane.in_flight -= 1  # the slot is given up: paused meanwhile, or the lane closed

    def ready_in(self, team_id: str) -> float:
        """Seconds until `wait_turn` would let a call out at once (0: now); reserves nothing, so a
        sender with many workspaces to serve can pick one that is ready instead of waiting."""
        with self._lock:
            lane = self._lane(team_id)
            if lane.closed:
                return 0.0  # wait_turn refuses at once: let the caller hear it
            now = self._monotonic()
            self._forget_answers_before(lane, now - self.window)
            if lane.in_flight >= self.per_window:
                return self.interval  # until an answer comes: look again soon
            start = max(now, lane.next_slot, lane.paused_until, self._window_opens(lane))
            return start - now

    def answered(self, team_id: str) -> None:
        """The call `wait_turn` let out got its answer (or failed): it counts for a window more."""
        with self._lock:
            lane = self._lane(team_id)
            lane.in_flight = max(0, lane.in_flight - 1)
            lane.answered.append(self._monotonic())
            self._answer.notify_all()

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
        """(seconds until the next call may start, seconds of pause left), for the next sender:
        past the spacing and, when the last window is full, until its first answer ages out."""
        with self._lock:
            lane = self._lane(team_id)
            now = self._monotonic()
            self._forget_answers_before(lane, now - self.window)
            next_at = max(lane.next_slot, self._window_opens(lane))
            return max(0.0, next_at - now), max(0.0, lane.paused_until - now)

    def close(self, team_id: str) -> None:
        """The lease is lost: refuse this workspace's calls until it is seeded again."""
        with self._lock:
            self._lane(team_id).closed = True

    def _lane(self, team_id: str) -> _Lane:
        return self._lanes.setdefault(team_id, _Lane())

    def _window_opens(self, lane: _Lane) -> float:
        """When one more call fits the window: once all but `per_window` - 1 of the calls in
        flight or answered are answered more than a window ago (0: it fits now)."""
        room = self.per_window - 1 - lane.in_flight  # answers that may still be in the window
        if len(lane.answered) <= room:
            return 0.0
        return lane.answered[len(lane.answered) - room - 1] + self.window

    @staticmethod
    def _forget_answers_before(lane: _Lane, since: float) -> None:
        while lane.answered and lane.answered[0] <= since:
            lane.answered.popleft()

    @staticmethod
    def _refuse_if_closed(team_id: str, lane: _Lane) -> None:
        if lane.closed:
            raise LaneClosed(team_id)
