"""Recording sent rows in batches: the posts of every workspace a pass serves are recorded sent a
few dozen at a time, in one transaction, rather than one transaction each.

The trade: a row is claimed (recorded `sending`) before it is posted, so exactly-once never rests on
this; but a row posted and not yet recorded when the process is killed is found, once its claim
expires, with its outcome unknown, and the next claim reads Slack's history to settle it (one read
per row, and `conversations.history` allows apps outside the Marketplace about one call a minute).
So the window is kept short: a thread records what is waiting every FLUSH_SECONDS, sooner once
FLUSH_ROWS wait; a workspace at 20 posts a second then leaves at most about 4 rows to reconcile,
fewer than the rows its claim holds ahead of sending (those become unknown as well).
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.outbox import rows

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 0.2
FLUSH_ROWS = 200


class SentRows:
    """Posted rows waiting to be recorded sent, added by any sending thread; `recording()` runs
    the thread that records them, and records the rest when it ends."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        sent_at: datetime,
        *,
        seconds: float = FLUSH_SECONDS,
        most: int = FLUSH_ROWS,
    ) -> None:
        self._sessions, self._sent_at, self._seconds, self._most = sessions, sent_at, seconds, most
        self._rows: list[rows.SentRow] = []
        self._lock = threading.Lock()  # guards _rows
        self._flushing = threading.Lock()  # one transaction at a time, so counts add up
        self._full = threading.Event()
        self.recorded = 0  # rows recorded sent
        self.lost = 0  # rows another sender holds now (it records their outcome)

    def add(self, row: rows.SentRow) -> None:
        with self._lock:
            self._rows.append(row)
            if len(self._rows) >= self._most:
                self._full.set()

    def flush(self) -> None:
        """Records what waits now, in one transaction."""
        with self._flushing:
            with self._lock:
                waiting, self._rows = self._rows, []
                self._full.clear()
            if waiting:
                done = rows.mark_sent_many(self._sessions, waiting, now=self._sent_at)
                self.recorded += len(done)
                self.lost += len(waiting) - len(done)

    @contextmanager
    def recording(self) -> Iterator["SentRows"]:
        """Records every FLUSH_SECONDS while the block runs, and the rest at its end (also when it
        raised: what is out should not wait to be reconciled). A write that fails stops the
        recording (the rows left stay `sending`, reconciled once their claim expires) and is
        raised when the block ends."""
        stop = threading.Event()
        failed: list[BaseException] = []

        def record() -> None:
            while not stop.is_set():
                self._full.wait(self._seconds)
                try:
                    self.flush()
                except BaseException as error:  # raised again in the caller's thread
                    failed.append(error)
                    return

        recorder = threading.Thread(target=record, name="outbox-recorder", daemon=True)
        recorder.start()
        try:
            yield self
        finally:
            stop.set()
            self._full.set()
            recorder.join()
            if failed:
                raise failed[0]
            self.flush()
