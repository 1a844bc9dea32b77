"""A due minute for each clock process before the timed one, as a running clock has had.

A clock that has run for a while has sent prompts in earlier minutes: the statements a due tick
runs (planning's inserts, the claims, the leases, the outcomes) are compiled, and the code behind
them imported and warmed, in that process. A process whose only earlier tick found nothing due
would pay for all of that inside the timed tick, once per process, so more clocks would look
slower for a reason no running clock has. So each process gets a small workspace set of its own,
due at its own minute before the timed one, and ticks that minute alone (the processes start one
after another): process i at `at - (n - i)` minutes, when set i is due and every earlier set has
gone out.

The sets are workspaces of their own (ids `TW…`), known to the stand-in but not counted with the
timed workspaces.
"""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from tests.e2e.multiclock.workspaces import Workspace, seed_checkins

WORKSPACES_EACH = 2  # more than one, so the paths that take workspaces in groups are taken too
PEOPLE_EACH = 3


def warm_workspaces(processes: int) -> list[list[Workspace]]:
    """Process i's set: WORKSPACES_EACH workspaces of PEOPLE_EACH people, ids unlike the timed ones."""
    return [[_workspace(f"{i:02d}{w}") for w in range(WORKSPACES_EACH)] for i in range(processes)]


def _workspace(key: str) -> Workspace:
    people = tuple(f"UW{key}{p:02d}" for p in range(PEOPLE_EACH))
    return Workspace(f"TW{key}", f"CW{key}", people)


def warm_minutes(at: datetime, processes: int) -> list[datetime]:
    """Process i's minute: the last process's is the minute before `at`."""
    return [at - timedelta(minutes=processes - i) for i in range(processes)]


def seed_warm_up(sessions: sessionmaker[Session], at: datetime, processes: int) -> None:
    """Each process's set, with a check-in at that process's minute."""
    for spaces, minute in zip(warm_workspaces(processes), warm_minutes(at, processes), strict=True):
        seed_checkins(sessions, spaces, made_at=at - timedelta(days=2), at=minute.time())
