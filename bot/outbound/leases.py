"""The pacing lease in the database: one process at a time sends for a workspace, and the next
one starts where it stopped.

Every statement is one short transaction keyed by team_id. Taking the lease is a conditional
UPDATE (free, or expired because its holder died), so of two processes racing only one gets the
row: PostgreSQL re-checks the condition after the first commits, SQLite has one writer at a time.
Times are wall-clock instants from the injected clock, since they are compared across processes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, case, literal, or_, update
from sqlalchemy.orm import Session, sessionmaker

from models.base import UTCDateTime
from models.dialect import insert_ignoring
from models.pacing import WorkspaceLease

# Long enough that a renewal every third of it survives a slow statement; short enough that a
# workspace whose clock process died is taken over within about a minute.
LEASE_TTL = timedelta(seconds=60)

_TABLE = cast(Table, WorkspaceLease.__table__)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Pacing:
    """Where the workspace's pacing stood: the next send may start at `next_send_at`, and nothing
    goes to it before `paused_until` (a 429's Retry-After). None: no constraint."""

    next_send_at: datetime | None = None
    paused_until: datetime | None = None


class Leases:
    def __init__(
        self, sessions: sessionmaker[Session], *, holder: str, clock: Clock, ttl: timedelta = LEASE_TTL
    ) -> None:
        self._sessions, self.holder, self._clock, self.ttl = sessions, holder[:80], clock, ttl

    def now(self) -> datetime:
        return self._clock()

    def acquire(self, team_id: str) -> Pacing | None:
        """Takes the workspace's lease if nobody holds it (or its holder's time ran out); None if
        another process holds it. Never re-entrant: a second taker with the same name is refused."""
        now = self._clock()
        taken = {"holder": self.holder, "expires_at": now + self.ttl}
        with self._sessions.begin() as session:
            row = session.execute(
                update(WorkspaceLease)
                .where(
                    WorkspaceLease.team_id == team_id,
                    or_(WorkspaceLease.holder.is_(None), WorkspaceLease.expires_at <= now),
                )
                .values(**taken)
                .returning(WorkspaceLease.next_send_at, WorkspaceLease.paused_until)
            ).first()
            if row is not None:
                return Pacing(row.next_send_at, row.paused_until)
            # No free row: either the workspace has none yet (take it by creating it) or it is held.
            created = session.execute(
                insert_ignoring(session, _TABLE, ["team_id"])
                .values(team_id=team_id, **taken)
                .returning(_TABLE.c.team_id)
            ).first()
        return Pacing() if created is not None else None

    def renew(self, team_id: str) -> Pacing | None:
        """Extends a lease this holder has; None if it was lost (taken over after expiring). The
        answer carries any pause another process recorded meanwhile."""
        now = self._clock()
        with self._sessions.begin() as session:
            row = session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id == team_id, WorkspaceLease.holder == self.holder)
                .values(expires_at=now + self.ttl)
                .returning(WorkspaceLease.next_send_at, WorkspaceLease.paused_until)
            ).first()
        return None if row is None else Pacing(row.next_send_at, row.paused_until)

    def release(self, team_id: str, pacing: Pacing) -> None:
        """Lets go, recording when the next send may start; a pause already recorded is kept if
        it ends later. Does nothing if the lease was lost meanwhile."""
        with self._sessions.begin() as session:
            session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id == team_id, WorkspaceLease.holder == self.holder)
                .values(
                    holder=None,
                    expires_at=None,
                    next_send_at=pacing.next_send_at,
                    paused_until=_later(WorkspaceLease.paused_until, pacing.paused_until),
                )
            )

    def record_pause(self, team_id: str, seconds: float) -> None:
        """Slack answered 429: nothing goes to the workspace for `seconds`, from any process.
        Written at once, whoever holds the lease (a web process holds none)."""
        until = self._clock() + timedelta(seconds=max(0.0, seconds))
        with self._sessions.begin() as session:
            session.execute(insert_ignoring(session, _TABLE, ["team_id"]).values(team_id=team_id))
            session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id == team_id)
                .values(paused_until=_later(WorkspaceLease.paused_until, until))
            )

    def pacing_of(self, team_id: str) -> Pacing:
        """The row as stored (tests and diagnostics)."""
        with self._sessions.begin() as session:
            lease = session.get(WorkspaceLease, team_id)
            return Pacing() if lease is None else Pacing(lease.next_send_at, lease.paused_until)


def _later(column, value: datetime | None):
    """The later of a stored instant and a new one, in SQL (NULL means none stored)."""
    if value is None:
        return column
    return case((or_(column.is_(None), column < value), literal(value, UTCDateTime())), else_=column)
