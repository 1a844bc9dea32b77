"""The columns every outbox table shares (checkin_deliveries, report_posts, follow_up_messages),
which the one engine in bot/outbound/outbox reads and writes. Each table adds its own key.

`outcome_unknown_since` is the flag that an earlier attempt may have posted without us knowing
(its claim's lease ran out while `sending`, or a post got no answer at all); it holds the earliest
instant that attempt could have posted, where reading the channel's history starts. NULL means
we know: nothing of the row is out beyond what `message_ts` (and a digest's progress) records.
"""

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain.outbox import OutboxState
from models.base import UTCDateTime, string_enum


class OutboxColumns:
    state: Mapped[OutboxState] = mapped_column(string_enum(OutboxState), default=OutboxState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime())  # backoff after a failure
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the process holding the claim
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome_unknown_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_channel: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(String(200))
