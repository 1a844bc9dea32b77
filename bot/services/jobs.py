"""Claims on the clock's recurring work (models/jobs.py), so N clock processes share it.

`claim` hands a worker the items nobody holds: never claimed, or whose hold has run out (a
finished piece's quiet time, or a crashed claimer's lease). It is exact under concurrency on both
databases: the insert-or-ignore lets one claimer create a row, and the take-over is an UPDATE
whose condition PostgreSQL re-checks once a competing writer commits (SQLite has one writer).
`finish` records the outcome only while the claim is still the worker's own.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from models.dialect import insert_ignoring
from models.jobs import EVERY_WORKSPACE, JobClaim

# Long enough for one piece (an hour's pruning, an audience's pages, a batch of users.info calls
# paced with the prompts); a claimer silent for longer is taken to have crashed.
LEASE = timedelta(minutes=15)

_TABLE = cast(Table, JobClaim.__table__)

__all__ = ["EVERY_WORKSPACE", "LEASE", "claim", "claim_hour", "finish", "hour_of", "prune_claims"]


def claim(
    sessions: sessionmaker[Session],
    *,
    job: str,
    team_id: str,
    items: Sequence[str],
    worker: str,
    now: datetime,
    lease: timedelta = LEASE,
) -> list[str]:
    """Those of `items` that `worker` now holds until `now + lease`, sorted."""
    # Sorted, so two claimers of overlapping lists lock rows in the same order (no deadlock).
    wanted = sorted(set(items))
    if not wanted:
        return []
    held = now + lease
    mine = (JobClaim.team_id == team_id, JobClaim.job == job, JobClaim.item.in_(wanted))
    with sessions.begin() as session:
        rows = [
            {
                "team_id": team_id,
                "job": job,
                "item": item,
                "claimed_by": worker,
                "claimed_at": now,
                "held_until": held,
            }
            for item in wanted
        ]
        session.execute(insert_ignoring(session, _TABLE, ["team_id", "job", "item"]).values(rows))
        session.execute(
            update(JobClaim)
            .where(*mine, JobClaim.held_until <= now)
            .values(claimed_by=worker, claimed_at=now, held_until=held, done_at=None)
        )
        query = select(JobClaim.item).where(
            *mine, JobClaim.claimed_by == worker, JobClaim.claimed_at == now, JobClaim.done_at.is_(None)
        )
        return sorted(session.scalars(query))


def finish(
    sessions: sessionmaker[Session],
    *,
    job: str,
    team_id: str,
    items: Sequence[str],
    worker: str,
    now: datetime,
    quiet_until: datetime,
) -> int:
    """Marks `items` done and not to be claimed again before `quiet_until`; a claim another worker
    has taken over meanwhile is left as it is. Returns how many were still this worker's."""
    if not items:
        return 0
    with sessions.begin() as session:
        result = session.execute(
            update(JobClaim)
            .where(
                JobClaim.team_id == team_id,
                JobClaim.job == job,
                JobClaim.item.in_(sorted(set(items))),
                JobClaim.claimed_by == worker,
                JobClaim.done_at.is_(None),
            )
            .values(done_at=now, held_until=quiet_until)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def hour_of(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def claim_hour(sessions: sessionmaker[Session], *, job: str, worker: str, now: datetime) -> str | None:
    """The hour's run of a job over every workspace (item: the hour), if no one else has it."""
    hour = hour_of(now).strftime("%Y-%m-%dT%H")
    claimed = claim(sessions, job=job, team_id=EVERY_WORKSPACE, items=[hour], worker=worker, now=now)
    return hour if claimed else None


def prune_claims(sessions: sessionmaker[Session], *, before: datetime) -> int:
    """Forget claims whose hold ended before `before` (people who left, hours long past)."""
    with sessions.begin() as session:
        result = session.execute(delete(JobClaim).where(JobClaim.held_until < before))
        return int(getattr(result, "rowcount", 0) or 0)
