"""Slack's rate limits, as the stand-in applies them: per method for the whole app
(`rate_limits`), per method for each workspace (`rate_limits_per_workspace`, as Slack applies
its tiers per app and workspace), and 429 storms that hit one workspace only.

`{"chat.postMessage": 100.0}` lets 100 calls through in any one-second window; the next one
gets HTTP 429 with Retry-After, which is what a sender's pacing is measured against.
"""

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

WINDOW_SECONDS = 1.0


@dataclass(frozen=True)
class Storm:
    """From `start` to `end` (monotonic), every call for the team (of `methods`, or any) gets 429."""

    team_id: str
    start: float
    end: float
    retry_after: int
    methods: frozenset[str] | None = None

    def hits(self, team_id: str, method: str, now: float) -> bool:
        return (
            team_id == self.team_id
            and self.start <= now < self.end
            and (self.methods is None or method in self.methods)
        )


class RateLimits:
    def __init__(
        self,
        per_second: Mapping[str, float] | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        per_workspace: Mapping[str, float] | None = None,
    ):
        self._limits = dict(per_second or {})
        self._per_workspace = dict(per_workspace or {})
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[tuple[str | None, str], deque[float]] = {}
        self._storms: list[Storm] = []

    def storm(
        self, team_id: str, seconds: float, retry_after: int = 1, methods: Iterable[str] | None = None
    ) -> Storm:
        """429 for every call for `team_id` (or only `methods`) during the next `seconds`."""
        start = self._clock()
        storm = Storm(team_id, start, start + seconds, retry_after, frozenset(methods) if methods else None)
        with self._lock:
            self._storms.append(storm)
        return storm

    def retry_after(self, method: str, team_id: str | None = None) -> int | None:
        """None when the call may go through (and counts it); else the seconds to wait."""
        now = self._clock()
        with self._lock:
            for storm in self._storms:
                if team_id is not None and storm.hits(team_id, method, now):
                    return storm.retry_after
            if team_id is not None and method in self._per_workspace:
                wait = self._take((team_id, method), self._per_workspace[method], now)
                if wait is not None:
                    return wait
            if method in self._limits:
                return self._take((None, method), self._limits[method], now)
        return None

    def _take(self, key: tuple[str | None, str], limit: float, now: float) -> int | None:
        seen = self._seen.setdefault(key, deque())
        while seen and now - seen[0] >= WINDOW_SECONDS:
            seen.popleft()
        if len(seen) < limit:
            seen.append(now)
            return None
        return max(1, math.ceil(WINDOW_SECONDS - (now - seen[0])))
