"""The pacing lease in the database: one process at a time sends for a workspace, and the next
one starts where it stopped.

Every statement is one short transaction over the workspaces a pass serves (a group of them at
once, one statement however many). Taking a lease is a conditional UPDATE (free, or expired
because its holder died) of the rows nobody else has locked, so of two processes racing only one
gets a row: PostgreSQL skips rows another taker has locked and re-checks the condition, SQLite has
one writer at a time.
Times are wall-clock instants from the injected clock, since they are compared across processes.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, Update, bindparam, case, literal, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from models.base import UTCDateTime
from models.dialect import insert_ignoring, insert_many_ignoring, skipping_locked
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
        return self.acquire_many([team_id]).get(team_id)

    def acquire_many(self, team_ids: Sequence[str], most: int | None = None) -> dict[str, Pacing]:
        """Takes the leases of up to `most` of the workspaces (in team_id order) that nobody holds,
        or whose holder's time ran out, in one transaction; a workspace left out is held by another
        process, or was past `most`. Rows a concurrent taker has locked are skipped, not waited for."""
        if not team_ids:
            return {}
        team_ids = sorted(set(team_ids))  # rows locked in one order: two takers never deadlock
        now = self._clock()
        free = or_(WorkspaceLease.holder.is_(None), WorkspaceLease.expires_at <= now)
        with self._sessions.begin() as session:
            # A workspace's first lease: its row is made free, then taken like any other.
            insert_many_ignoring(
                session, _TABLE, ["team_id"], [{"team_id": t} for t in team_ids], [_TABLE.c.team_id]
            )
            # Locked and counted first, then taken: as a subquery of the UPDATE, PostgreSQL may run
            # the LIMIT once per row it updates and take more than `most`.
            takeable = select(WorkspaceLease.team_id).where(WorkspaceLease.team_id.in_(team_ids), free)
            locked = session.scalars(
                skipping_locked(session, takeable.order_by(WorkspaceLease.team_id).limit(most))
            ).all()
            if not locked:
                return {}
            taken = session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id.in_(locked), free)
                .values(holder=self.holder, expires_at=now + self.ttl)
                .returning(WorkspaceLease.team_id, WorkspaceLease.next_send_at, WorkspaceLease.paused_until)
                .execution_options(synchronize_session=False)
            ).all()
        return {row.team_id: Pacing(row.next_send_at, row.paused_until) for row in taken}

    def renew(self, team_id: str) -> Pacing | None:
        """Extends a lease this holder has; None if it was lost (taken over after expiring). The
        answer carries any pause another process recorded meanwhile."""
        return self.renew_many([team_id]).get(team_id)

    def renew_many(self, team_ids: Sequence[str]) -> dict[str, Pacing]:
        """`renew` for many workspaces in one statement; one missing from the answer was lost."""
        if not team_ids:
            return {}
        with self._sessions.begin() as session:
            rows = session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id.in_(team_ids), WorkspaceLease.holder == self.holder)
                .values(expires_at=self._clock() + self.ttl)
                .returning(WorkspaceLease.team_id, WorkspaceLease.next_send_at, WorkspaceLease.paused_until)
                .execution_options(synchronize_session=False)
            ).all()
        return {row.team_id: Pacing(row.next_send_at, row.paused_until) for row in rows}

    def release(self, team_id: str, pacing: Pacing) -> None:
        """Lets go, recording when the next send may start; a pause already recorded is kept if
        it ends later. Does nothing if the lease was lost meanwhile."""
        self.release_many({team_id: pacing})

    def release_many(self, pacings: Mapping[str, Pacing]) -> None:
        """`release` for many workspaces: one executemany of the same UPDATE."""
        if not pacings:
            return
        values = [
            {"team": team, "next_at": pacing.next_send_at, "paused": pacing.paused_until}
            for team, pacing in pacings.items()
        ]
        with self._sessions.begin() as session:
            session.connection().execute(_released_by(self.holder), values)

    def record_pause(self, team_id: str, seconds: float) -> None:
        """Slack answered 429: nothing goes to the workspace for `seconds`, from any process.
        Written at once, whoever holds the lease (a web process holds none)."""
        until = self._clock() + timedelta(seconds=max(0.0, seconds))
        with self._sessions.begin() as session:
            session.execute(insert_ignoring(session, _TABLE, ["team_id"]).values(team_id=team_id))
            session.execute(
                update(WorkspaceLease)
                .where(WorkspaceLease.team_id == team_id)
                .values(paused_until=_later(_TABLE.c.paused_until, literal(until, UTCDateTime())))
            )

    def pacing_of(self, team_id: str) -> Pacing:
        """The row as stored (tests and diagnostics)."""
        with self._sessions.begin() as session:
            lease = session.get(WorkspaceLease, team_id)
            return Pacing() if lease is None else Pacing(lease.next_send_at, lease.paused_until)


@cache
def _released_by(holder: str) -> Update:
    """The lease let go by `holder`, executed with each workspace's values (team, next_at,
    paused); the stored pause is kept when it ends later (NULL `paused`: kept as it is)."""
    return (
        update(_TABLE)
        .where(_TABLE.c.team_id == bindparam("team"), _TABLE.c.holder == holder)
        .values(
            holder=None,
            expires_at=None,
            next_send_at=bindparam("next_at", type_=UTCDateTime()),
            paused_until=_later(_TABLE.c.paused_until, bindparam("paused", type_=UTCDateTime())),
        )
    )


def _later(stored: ColumnElement[datetime | None], new: ColumnElement[datetime | None]) -> ColumnElement[Any]:
    """The later of a stored instant and a new one, in SQL: NULL stored means none, so the new
    one; a NULL new one keeps what is stored."""
    return case((or_(stored.is_(None), stored < new), new), else_=stored)
