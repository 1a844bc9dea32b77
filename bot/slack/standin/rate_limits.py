"""An optional per-method rate limit for the whole workspace, as Slack applies per app and workspace.

`{"chat.postMessage": 100.0}` lets 100 calls through in any one-second window; the next one
gets HTTP 429 with Retry-After, which is what a sender's pacing is measured against.
"""

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

WINDOW_SECONDS = 1.0


class RateLimits:
    def __init__(
        self, per_second: Mapping[str, float] | None = None, clock: Callable[[], float] = time.monotonic
    ):
        self._limits = dict(per_second or {})
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}

    def retry_after(self, method: str) -> int | None:
        """None when the call may go through (and counts it); else the seconds to wait."""
        limit = self._limits.get(method)
        if limit is None:
            return None
        now = self._clock()
        with self._lock:
            seen = self._seen.setdefault(method, deque())
            while seen and now - seen[0] >= WINDOW_SECONDS:
                seen.popleft()
            if len(seen) < limit:
                seen.append(now)
                return None
            return max(1, math.ceil(WINDOW_SECONDS - (now - seen[0])))
