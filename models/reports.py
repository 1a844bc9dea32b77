"""Reports: per-channel report settings, the report outbox, the planning cursor and digest snapshots.
(The per-period tallies of check-in answers are in models/theme_tallies.py.)

`report_posts` is the outbox of reminders and digests: one row per (team, channel, kind, period),
written before anything is sent, so a repeated tick or a second clock process finds the row and
does not post twice. Its state, claim and outcome columns are the outbox's (models/outbox.py),
run by the one engine in bot/outbound/outbox.
"""

from datetime import datetime, time

from sqlalchemy import Boolean, Float, Index, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TeamScoped, UTCDateTime
from models.checkins import Delivery
from models.followups import FollowUp
from models.goals import Measurement
from models.outbox import OutboxColumns


class ReportSettings(TeamScoped, Base):
    """A channel's choices; no row means the defaults (09:00, DEFAULT_TIMEZONE, on, weekly and monthly)."""

    __tablename__ = "report_settings"
    __table_args__ = (UniqueConstraint("team_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    local_time: Mapped[time] = mapped_column(Time)
    zone: Mapped[str | None] = mapped_column(String(64))  # None: DEFAULT_TIMEZONE
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_cadence: Mapped[str] = mapped_column(String(24))  # DigestCadence's values
    updated_by: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReportPost(OutboxColumns, TeamScoped, Base):
    """The outbox row of one reminder or digest; `period` is "2027-03" or "2027-W09"."""

    __tablename__ = "report_posts"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", "kind", "period", name="uq_report_posts_key"),
        Index("ix_report_posts_state_due_at", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(24))
    period: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    useful_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    thread_ts: Mapped[str | None] = mapped_column(String(32))  # a digest's details live here
    # A digest's follow-on parts (thread replies, then the chart) already out after its parent, so
    # a later attempt sends only the rest; the row stays unsent until the last part is out.
    parts_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ReportCursor(TeamScoped, Base):
    """The `now` of a workspace's last report planning pass: the next plans (planned_until, now]."""

    __tablename__ = "report_cursors"
    __table_args__ = (UniqueConstraint("team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    planned_until: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestSnapshot(TeamScoped, Base):
    """What the channel's last digest of a kind showed for an objective, for "change since the last
    digest": a weekly digest compares with the last weekly one, a monthly with the last monthly."""

    __tablename__ = "digest_snapshots"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", "kind", "objective_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(8))  # the period's kind: "week" or "month"
    objective_id: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    period: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


# Indexes the digest's aggregates need on other aggregates' tables (created by 0005_reports):
# participation counts a schedule's prompts by local date, follow-ups are counted per channel and
# date, and the chart reads an objective's measurements by date.
# Index objects built from columns attach themselves to those tables.
DIGEST_INDEXES = (
    Index("ix_checkin_deliveries_schedule_id_local_date", Delivery.schedule_id, Delivery.local_date),
    Index(
        "ix_follow_ups_team_id_channel_id_local_date",
        FollowUp.team_id,
        FollowUp.channel_id,
        FollowUp.local_date,
    ),
    Index("ix_measurements_objective_id_recorded_on", Measurement.objective_id, Measurement.recorded_on),
)
