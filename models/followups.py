"""Follow-ups' own storage: the follow-ups, per-channel settings, and the outbox of their posts,
reminders and closing notices.

`follow_up_messages` is the exactly-once record: a follow-up's post (key "post"), each daily
reminder (key = the local date, "2027-03-04") and the notice that it was closed (key "notice") get
a row under a unique (follow_up_id, key) before anything is sent, so repeated or concurrent ticks
(or a close pressed twice) never post twice.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain.checkins.enums import FollowUpStatus
from models.base import Base, TeamScoped, UTCDateTime, string_enum
from models.outbox import OutboxColumns

POST_KEY = "post"
NOTICE_KEY = "notice"  # recorded with the close; its DM or thread reply names nobody in the row


class FollowUp(TeamScoped, Base):
    """A customer who needs follow-up, flagged in a check-in; owned and chased by the reports issue.

    From an anonymous check-in: no author, no answer link, no created_at (only the local date).
    """

    __tablename__ = "follow_ups"
    __table_args__ = (
        Index("ix_follow_ups_team_id_status", "team_id", "status"),
        Index("ix_follow_ups_team_id_owner_id", "team_id", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("checkin_schedules.id", ondelete="SET NULL"))
    local_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("checkin_answers.id", ondelete="SET NULL"))
    author_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_id: Mapped[str | None] = mapped_column(String(32))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[FollowUpStatus] = mapped_column(string_enum(FollowUpStatus), default=FollowUpStatus.OPEN)
    resolution_note: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_reminded_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[str | None] = mapped_column(String(32))  # who resolved it or said "not ours"


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


class FollowupMessage(OutboxColumns, TeamScoped, Base):
    """One message about a follow-up: its channel post, one day's overdue reminder, or the notice
    that it was closed; due from `not_before`. The outbox columns are models/outbox.py's."""

    __tablename__ = "follow_up_messages"
    __table_args__ = (
        UniqueConstraint("follow_up_id", "key"),
        Index("ix_follow_up_messages_state_not_before", "state", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("follow_ups.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(16))  # "post", "notice" or the reminder's local date
