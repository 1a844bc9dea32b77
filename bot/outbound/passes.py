"""What one tick is made of: passes. Each feature (check-ins, reports) exposes
`tick_pass(ctx: TickContext, now: datetime) -> PassSummary`; `goalbot tick` and the clock run every
registered pass (bot/entrypoints/tick.py) and print the sum in one line."""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.sender import Sender
from bot.outbound.workspaces import WorkspacePool


@dataclass(frozen=True)
class PassSummary:
    """due: found due to go out in this pass; sent: posted (or found posted) and recorded;
    retried: put back for a later tick (Slack was down or slow); skipped: recorded as not sent
    (past their window, no longer wanted, or refused by Slack for good)."""

    due: int = 0
    sent: int = 0
    retried: int = 0
    skipped: int = 0

    def __add__(self, other: "PassSummary") -> "PassSummary":
        return PassSummary(
            self.due + other.due,
            self.sent + other.sent,
            self.retried + other.retried,
            self.skipped + other.skipped,
        )


@dataclass(frozen=True)
class TickContext:
    """What a pass may use: the database, the paced sender, the fallback zone, who it is
    (`worker` names this process in claims) and the pool that serves workspaces in parallel.
    `goalbot tick` and the clock give a pool holding per-workspace leases with the sender's gate
    (bot/entrypoints/tick.py::tick_context); the default, for tests, only parallelises."""

    sessions: sessionmaker[Session]
    sender: Sender
    default_tz: ZoneInfo
    worker: str
    pool: WorkspacePool = field(default_factory=WorkspacePool)
