"""Failures a test asks for ahead of time; each is used up by one call of its method."""

import threading
from collections import defaultdict, deque
from dataclasses import dataclass

# A stall never outlives this, so a forgotten stall_next cannot hang the suite.
MAX_STALL_SECONDS = 30.0


@dataclass(frozen=True)
class Fault:
    status: int = 200
    retry_after: int | None = None
    stall_seconds: float = 0.0

    @property
    def answers(self) -> bool:
        """True if this fault replaces the real answer (a stall only delays it)."""
        return self.status != 200


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queued: dict[str, deque[Fault]] = defaultdict(deque)
        self._held_tokens: dict[str, float] = {}
        self.closing = threading.Event()

    def stall_token(self, token: str, seconds: float) -> None:
        """Every later call made with `token` waits `seconds` before it is answered (and is then
        answered in full): a client whose calls are in flight when it dies, whichever process it is."""
        with self._lock:
            self._held_tokens[token] = min(seconds, MAX_STALL_SECONDS)

    def hold(self, token: str | None) -> None:
        """Sleeps for the stall of `token`, if any, waking early when the stand-in closes."""
        with self._lock:
            seconds = self._held_tokens.get(token or "", 0.0)
        if seconds > 0:
            self.closing.wait(seconds)

    def fail_next(self, method: str, status: int = 500, times: int = 1) -> None:
        if not 500 <= status <= 599:
            raise ValueError(f"fail_next is for server errors (5xx), not {status}")
        self._queue(method, Fault(status=status), times)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        self._queue(method, Fault(status=429, retry_after=retry_after), times)

    def stall_next(self, method: str, seconds: float, times: int = 1) -> None:
        self._queue(method, Fault(stall_seconds=min(seconds, MAX_STALL_SECONDS)), times)

    def take(self, method: str) -> Fault | None:
        with self._lock:
            queued = self._queued.get(method)
            return queued.popleft() if queued else None

    def stall(self, fault: Fault) -> None:
        """Sleeps for the stall, waking early when the stand-in closes."""
        if fault.stall_seconds > 0:
            self.closing.wait(fault.stall_seconds)

    def clear(self) -> None:
        with self._lock:
            self._queued.clear()
            self._held_tokens.clear()

    def _queue(self, method: str, fault: Fault, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._queued[method].extend([fault] * times)
