"""Recording sent rows in batches: a workspace's posts are recorded sent a few at a time, in one
transaction, rather than one transaction each.

The trade: a row is claimed (recorded `sending`) before it is posted, so exactly-once never rests on
this; but a row posted and not yet recorded when the process is killed is found, once its claim
expires, with its outcome unknown, and the next claim reads Slack's history to settle it (one read
per row, and `conversations.history` allows apps outside the Marketplace about one call a minute).
So the batch is kept small in time: recorded at least every FLUSH_SECONDS (a workspace at 20 posts
a second leaves at most about 4 rows to reconcile, fewer than the batch of claimed rows its lease
already leaves unknown) or every FLUSH_ROWS rows, whichever comes first, and at the end of the
workspace's turn. At one transaction per 20-odd posts the database's cost per post falls about
that much (a commit was most of a post's database time).
"""

import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.outbox import rows

FLUSH_SECONDS = 0.2
FLUSH_ROWS = 50


class SentRows:
    """A workspace's posted rows waiting to be recorded sent, and when they must be. Used by the
    thread serving the workspace only: the sending threads hand it their rows through futures."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        sent_at: datetime,
        *,
        seconds: float = FLUSH_SECONDS,
        most: int = FLUSH_ROWS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions, self._sent_at = sessions, sent_at
        self._seconds, self._most, self._monotonic = seconds, most, monotonic
        self._rows: list[rows.SentRow] = []
        self._oldest = 0.0  # when the first waiting row was added

    def add(self, row: rows.SentRow) -> None:
        if not self._rows:
            self._oldest = self._monotonic()
        self._rows.append(row)

    def wait_for(self) -> float | None:
        """Seconds until the waiting rows must be recorded (None: none wait)."""
        if not self._rows:
            return None
        return max(0.0, self._oldest + self._seconds - self._monotonic())

    def due(self) -> bool:
        return len(self._rows) >= self._most or self.wait_for() == 0.0

    def flush(self) -> tuple[int, int]:
        """Records the waiting rows; (recorded sent, lost: another sender holds them now)."""
        if not self._rows:
            return 0, 0
        waiting, self._rows = self._rows, []
        recorded = rows.mark_sent_many(self._sessions, waiting, now=self._sent_at)
        return len(recorded), len(waiting) - len(recorded)
