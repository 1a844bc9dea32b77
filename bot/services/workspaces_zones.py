"""A workspace's default time zone as listeners read it: on every request (a person's `today`
depends on it), so each process keeps what it read for a short while instead of asking the
database each time. A change made in this process is seen at once; one made in another web
process within `ttl` seconds."""

import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.services.workspaces import noted_zone

ZONE_TTL = 30.0


class ZoneCache:
    def __init__(self, ttl: float = ZONE_TTL, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ttl, self._monotonic = ttl, monotonic
        self._zones: dict[str, tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    def zone_of(self, sessions: sessionmaker[Session], team_id: str, fallback: str) -> str:
        """The workspace's zone, else `fallback`; a workspace met for the first time gets its row."""
        with self._lock:
            kept = self._zones.get(team_id)
        if kept is not None and self._monotonic() - kept[0] < self._ttl:
            return kept[1] or fallback
        with sessions.begin() as session:
            zone = noted_zone(session, team_id)
        with self._lock:
            self._zones[team_id] = (self._monotonic(), zone or None)
        return zone or fallback

    def forget(self, team_id: str) -> None:
        with self._lock:
            self._zones.pop(team_id, None)
