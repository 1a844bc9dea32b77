"""The outbox's rules, the same for every kind of message goalbot sends on its own: the states a
row goes through, how long a claim holds, how long a retry waits, and when a message is too late.

pending → sending (claimed by one sender) → sent; or skipped (too late, or no longer wanted); or
failed (Slack refused it for good). A failure Slack answered (a 5xx or a 429 past the Sender's
tries: nothing was posted) and a post that got no answer at all (it may have been posted) both go
back to pending; only the second, and a claim whose lease ran out, leave the outcome unknown.
"""

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"


# A claim older than this is taken to be dead (its sender was killed); it is far longer than a
# message, a digest or a batch of 100 prompts takes at any sane rate.
LEASE = timedelta(minutes=2)

# One retry policy: 30 s after the first failed attempt, doubling, at most 15 minutes, so a
# Slack outage of an hour costs a handful of tries per row and a blip costs half a minute.
RETRY_FIRST = timedelta(seconds=30)
RETRY_MOST = timedelta(minutes=15)

MAX_ERROR = 200  # last_error's length


def retry_delay(attempts: int) -> timedelta:
    """How long a row waits after its `attempts`-th attempt failed (this one included)."""
    return min(RETRY_MOST, RETRY_FIRST * 2 ** min(max(0, attempts - 1), 16))


def too_late(useful_until: datetime | None, now: datetime, *, started: bool) -> bool:
    """Nothing of the message is out yet and its useful moment has passed: record it skipped
    (unless reconciling finds an earlier attempt got it out)."""
    return not started and useful_until is not None and now >= useful_until


@dataclass(frozen=True)
class Ready:
    """A claimed row worth sending: the kind of message it is, what the message is built from,
    and until when it is worth starting (None: always)."""

    row_id: int
    kind: str
    item: Any
    useful_until: datetime | None = None


@dataclass(frozen=True)
class NotWanted:
    """A claimed row nobody needs any more (the schedule was turned off, the prompt answered, the
    follow-up closed): recorded skipped at once, without reading Slack."""

    row_id: int
    reason: str
