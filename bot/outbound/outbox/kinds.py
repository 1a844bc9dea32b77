"""What the engine runs: a `Job` (one claimed row on its way out) and the `MessageKind`s that send
them. A feature describes each kind of message it sends as a MessageKind; most are one
chat.postMessage (`SingleMessage`), a digest is its own (handlers/reports/digest_sending.py).
Kinds that build Block Kit are defined in handlers and handed to `run_outbox`.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

from bot.outbound.outbox import rows
from bot.outbound.outbox.reconcile import MetadataKey, Posted, find_in_history
from bot.outbound.passes import TickContext
from bot.outbound.sender import SendFailed

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class PassClock:
    """The tick's instant, and that instant moved on by the time the pass has taken so far: rows
    are recorded sent at the instant; claims and retries at the moved-on one, so a long fan-out
    never stamps a fresh claim with an instant another tick already sees as an expired lease."""

    instant: datetime
    started: float = field(default_factory=time.monotonic)

    def current(self) -> datetime:
        return self.instant + timedelta(seconds=time.monotonic() - self.started)


class HistoryReads:
    """Whether a workspace's history may still be read in this pass. Once a read fails (a 429 past
    the Sender's tries, Slack down), the workspace's other unknown rows are put back without
    trying, so one pass never hammers `conversations.history` (about one call a minute for apps
    outside the Marketplace)."""

    def __init__(self) -> None:
        self._closed = threading.Event()

    def read(self, sender: Any, team_id: str, method: str, **arguments: Any) -> dict[str, Any]:
        if self._closed.is_set():
            raise SendFailed(
                "history not read: an earlier read failed in this pass", retryable=True, retries=0
            )
        try:
            return dict(sender.call(team_id, method, **arguments))
        except SendFailed as failure:
            if failure.retryable:
                self._closed.set()
            raise


@dataclass
class Job(Generic[T]):
    """One claimed row on its way out: what its kind's `send` works with."""

    ctx: TickContext
    claim: rows.Claim
    item: T
    clock: PassClock
    # Whether an earlier attempt may have posted what is not recorded; False once Slack was read.
    unknown: bool = False
    history: HistoryReads = field(default_factory=HistoryReads)  # shared by the workspace's jobs
    _looked: dict[tuple[str, str], Posted | None] = field(default_factory=dict)

    @property
    def team_id(self) -> str:
        return self.claim.team_id

    def call(self, method: str, **arguments: Any) -> dict[str, Any]:
        return self.ctx.sender.call(self.team_id, method, **arguments)

    def read_history(self, method: str, **arguments: Any) -> dict[str, Any]:
        """conversations.history or .replies, only while the workspace's reads are not failing."""
        return self.history.read(self.ctx.sender, self.team_id, method, **arguments)

    def find_posted(self, channel: str, key: MetadataKey) -> Posted | None:
        """The row's message in `channel` if an earlier attempt posted it; reads history at most
        once per attempt. Raises SendFailed when Slack cannot be read (the row stays unknown)."""
        look = (channel, key.event_type)
        if look not in self._looked:
            since = self.claim.unknown_since or self.claim.claimed_at
            self._looked[look] = find_in_history(
                self.ctx.sender, self.read_history, self.team_id, channel, key, self.claim.id, since
            )
        return self._looked[look]

    def progress(self, **values: Any) -> bool:
        """Records part of the message as out; False when the claim no longer holds (stop)."""
        return rows.record_progress(self.ctx.sessions, self.claim, **values)


class MessageKind(Protocol[T]):
    """A kind of message the engine sends (a check-in prompt, a digest, …)."""

    def find_posted(self, job: Job[T]) -> Posted | None:
        """Only for an unknown outcome: the message, if an earlier attempt got (the start of) it out."""

    def send(self, job: Job[T]) -> Posted | None:
        """Sends what is not out yet (after reconciling when `job.unknown`); None when the claim
        was lost part-way. Raises SendFailed."""


class NothingToSend(Exception):
    """Raised by a kind's `send` before it posts anything: the message is no longer worth sending
    (e.g. a reminder with nothing left to remind of); the row is recorded skipped."""


@dataclass(frozen=True)
class SingleMessage(Generic[T]):
    """A kind that is one chat.postMessage to `channel(item)` (a channel, or a user id for their
    DM); `build(job)` gives the rest of its arguments (text, blocks, …) or raises NothingToSend.
    The engine adds the metadata that names the row."""

    metadata: MetadataKey
    channel: Callable[[T], str]
    build: Callable[[Job[T]], dict[str, Any]]

    def find_posted(self, job: Job[T]) -> Posted | None:
        return job.find_posted(self.channel(job.item), self.metadata)

    def send(self, job: Job[T]) -> Posted | None:
        if job.unknown:
            found = self.find_posted(job)
            job.unknown = False
            if found is not None:
                logger.info(
                    "%s row %d was posted before (ts %s)", job.claim.table.name, job.claim.id, found.ts
                )
                return found
        message = self.build(job)
        channel = self.channel(job.item)
        sent = job.ctx.sender.post(
            job.team_id, channel=channel, metadata=self.metadata.of(job.claim.id), **message
        )
        return Posted(sent.channel, sent.ts, sent.retries)
