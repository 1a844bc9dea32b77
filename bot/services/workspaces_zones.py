"""A workspace's default time zone as the tick and listeners read it.

The tick (`default_zones`) reads the zones of every workspace it plans or serves in one query per
pass, fresh each pass. Listeners read it on every request (a person's `today` depends on it), so
each process keeps what it read for a short while instead of asking the database each time
(`ZoneCache`). A change made in this process is seen at once; one made in another web process
within `ttl` seconds."""

import threading
import time
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.zones import canonical_zone
from bot.services.workspaces import noted_zone
from models.workspaces import Workspace

ZONE_TTL = 30.0
_CHUNK = 500  # team ids per IN list


def default_zones(session: Session, team_ids: Iterable[str], fallback: str) -> dict[str, str]:
    """Each workspace's default zone (an IANA name), `fallback` (DEFAULT_TIMEZONE) for one with no
    zone, no row, or a zone this machine does not know; one query per 500 workspaces."""
    wanted = sorted(set(team_ids))
    zones = dict.fromkeys(wanted, fallback)
    for start in range(0, len(wanted), _CHUNK):
        query = select(Workspace.team_id, Workspace.default_tz).where(
            Workspace.team_id.in_(wanted[start : start + _CHUNK]), Workspace.default_tz.is_not(None)
        )
        for team_id, zone in session.execute(query):
            zones[team_id] = canonical_zone(zone) or fallback
    return zones


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
