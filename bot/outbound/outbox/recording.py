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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.outbox import OutboxState
from bot.outbound.outbox import rows
from models.dialect import update_many_matching

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
                done = mark_sent_many(self._sessions, waiting, now=self._sent_at)
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


def mark_sent_many(
    sessions: sessionmaker[Session], sent: Iterable[rows.SentRow], *, now: datetime
) -> set[int]:
    """Records many rows sent in one transaction, each still claim-checked like `mark_sent`: per
    table, one UPDATE of the rows whose claim still holds, each with its own claim and ts
    (models/dialect.py::update_many_matching), so neither the number of rows nor of workspaces
    makes a new statement. The table's `on_sent` in the same transaction. Returns the ids recorded;
    one left out lost its claim to another sender, which records its own outcome."""
    by_table: dict[str, list[rows.SentRow]] = defaultdict(list)
    for row in sent:
        by_table[row.claim.table.name].append(row)
    recorded: set[int] = set()
    with sessions.begin() as session:
        for group in by_table.values():
            table = group[0].claim.table
            model = table.model
            changed = update_many_matching(
                session,
                model.__table__,
                [_sent_values(row) for row in group],
                match=("id", "team_id", "claimed_by", "claimed_at"),
                set_from_rows=("message_channel", "message_ts"),
                where=(model.__table__.c.state == OutboxState.SENDING,),
                values=_SENT | {"sent_at": now},
            )
            if table.on_sent is not None:
                for row_id in sorted(changed):
                    table.on_sent(session, session.get_one(model, row_id))
            recorded.update(changed)
    return recorded


_SENT = {"state": OutboxState.SENT, "last_error": None, "outcome_unknown_since": None}


def _sent_values(row: rows.SentRow) -> dict[str, Any]:
    held = row.claim
    return {
        "id": held.id,
        "team_id": held.team_id,
        "claimed_by": held.claimed_by,
        "claimed_at": held.claimed_at,
        "message_channel": row.channel,
        "message_ts": row.ts,
    }
