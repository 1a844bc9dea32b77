"""Stand-ins for clock processes in one test: each has its own gate and pool (as a process would)
over the same database, and all read one fake time, monotonic and wall clock alike."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.gate import WorkspaceGate
from bot.outbound.leases import LEASE_TTL, Leases
from bot.outbound.workspaces import WorkspacePool

EPOCH = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
TEAM = "T1"


class FakeTime:
    """Monotonic seconds and the wall clock moving together; sleeping moves both at once."""

    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def wall(self) -> datetime:
        return EPOCH + timedelta(seconds=self.now)


@dataclass
class Process:
    name: str
    gate: WorkspaceGate
    leases: Leases
    pool: WorkspacePool

    def send(self, team: str, time: FakeTime, log: list[tuple[str, float]]) -> None:
        """One call's turn for `team`, noted in `log` as (process, fake time it went)."""
        self.gate.wait_turn(team)
        log.append((self.name, time.now))


def process(
    sessions: sessionmaker[Session], name: str, time: FakeTime, *, rate: float = 10.0, ttl=LEASE_TTL
) -> Process:
    gate = WorkspaceGate(rate, monotonic=time.monotonic, sleep=time.sleep)
    leases = Leases(sessions, holder=name, clock=time.wall, ttl=ttl)
    return Process(name, gate, leases, WorkspacePool(2, leases=leases, gate=gate))
