"""What a scheduler pass is given and what it reports: one line per pass in `goalbot tick`."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from handlers.outbound.sender import Sender


@dataclass(frozen=True)
class PassSummary:
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
    sessions: sessionmaker[Session]
    sender: Sender
    default_tz: ZoneInfo
    worker: str
