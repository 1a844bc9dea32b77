"""Who is asked: people as Slack last described them, their channel and user-group memberships,
and the workspace's holidays (no one is asked, or counted missing, on a holiday).
"""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TeamScoped, UTCDateTime


class Person(TeamScoped, Base):
    """A workspace member as `users.info` last described them; `tz` None means DEFAULT_TIMEZONE."""

    __tablename__ = "people"
    # The tick asks "who in this workspace lives in a zone where a prompt is due now", a zone at a
    # time in user id order (bot/services/checkins/audience.py).
    __table_args__ = (
        UniqueConstraint("team_id", "user_id"),
        Index("ix_people_team_id_tz_user_id", "team_id", "tz", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    tz: Mapped[str | None] = mapped_column(String(64))
    is_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    away_until: Mapped[date | None] = mapped_column(Date)  # last day away, inclusive
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Membership(TeamScoped, Base):
    """One person in one channel (C…/G…) or user group (S…), as last synced from Slack."""

    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("team_id", "group_id", "user_id"),
        Index("ix_memberships_team_id_user_id", "team_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Holiday(TeamScoped, Base):
    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("team_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(100))
