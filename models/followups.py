"""Follow-ups' own storage: per-channel settings, and the outbox of their channel posts and reminders.

`follow_up_messages` is the exactly-once record: a follow-up's post (key "post") and each daily
reminder (key = the local date, "2027-03-04") get a row under a unique (follow_up_id, key) before
anything is sent, so repeated or concurrent ticks never post twice.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TeamScoped, UTCDateTime

POST_KEY = "post"


class FollowupSettings(TeamScoped, Base):
    """A channel's follow-up settings; no row means the defaults (48 hours, posted in the channel)."""

    __tablename__ = "follow_up_settings"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id"),
        CheckConstraint("due_hours IS NULL OR due_hours > 0", name="positive_due_hours"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    due_hours: Mapped[int | None] = mapped_column(Integer)
    post_channel_id: Mapped[str | None] = mapped_column(String(32))


class FollowupMessage(TeamScoped, Base):
    """One message about a follow-up: its channel post, or one day's overdue reminder."""

    __tablename__ = "follow_up_messages"
    __table_args__ = (
        UniqueConstraint("follow_up_id", "key"),
        Index("ix_follow_up_messages_state_not_before", "state", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("follow_ups.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(16))  # "post" or the reminder's local date
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the clock process holding the claim
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    channel: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(Text)
