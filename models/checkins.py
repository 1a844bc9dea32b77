"""Check-ins: schedules, the outbox (deliveries), the planning cursor.

Who is asked is in models/people.py; answers (named and anonymous) in models/answers.py.
"""

from datetime import date, datetime, time

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain.checkins.enums import DeliveryKind
from models.base import Base, TeamScoped, UTCDateTime, string_enum
from models.outbox import OutboxColumns


class Schedule(TeamScoped, Base):
    """A channel's check-in (one per channel; `/checkin schedule off` clears `active`).

    Who is asked: members of `audience_id` (the channel, or a user group) minus `excluded_user_ids`.
    `weekdays` is "mon,wed,fri" (bot.domain.checkins.weekdays); times are local to each person.
    """

    __tablename__ = "checkin_schedules"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id"),
        CheckConstraint("min_answers >= 3", name="min_answers_at_least_3"),
        Index("ix_checkin_schedules_active", "active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(String(32))
    audience_id: Mapped[str] = mapped_column(String(32))
    excluded_user_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    weekdays: Mapped[str] = mapped_column(String(27))
    local_time: Mapped[time] = mapped_column(Time)
    window_minutes: Mapped[int] = mapped_column(Integer, default=240)
    reminder_count: Mapped[int] = mapped_column(Integer, default=1)
    reminder_after_minutes: Mapped[int] = mapped_column(Integer, default=120)
    quiet_start: Mapped[time | None] = mapped_column(Time)  # both None: no quiet hours
    quiet_end: Mapped[time | None] = mapped_column(Time)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    min_answers: Mapped[int] = mapped_column(Integer, default=3)
    objective_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    ask_confidence: Mapped[bool] = mapped_column(Boolean, default=True)
    ask_expectations: Mapped[bool] = mapped_column(Boolean, default=True)
    ask_obstacles: Mapped[bool] = mapped_column(Boolean, default=True)
    ask_category: Mapped[bool] = mapped_column(Boolean, default=True)
    ask_follow_up: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())  # no prompt before this instant


class Delivery(OutboxColumns, TeamScoped, Base):
    """The outbox: one row per message owed, recorded before anything is sent.

    Key: (schedule, person, local date, kind, sequence); a prompt has sequence 0, reminder k has k.
    The outbox columns (state, claim, outcome) are models/outbox.py's, run by bot/outbound/outbox;
    a row is due from `scheduled_at`.
    """

    __tablename__ = "checkin_deliveries"
    __table_args__ = (
        # Named by hand: the conventional name is longer than PostgreSQL's 63 characters.
        UniqueConstraint(
            "schedule_id", "user_id", "local_date", "kind", "sequence", name="uq_checkin_deliveries_key"
        ),
        Index("ix_checkin_deliveries_state_scheduled_at", "state", "scheduled_at"),
        Index("ix_checkin_deliveries_team_id_user_id_local_date", "team_id", "user_id", "local_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("checkin_schedules.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[DeliveryKind] = mapped_column(string_enum(DeliveryKind), default=DeliveryKind.PROMPT)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered: Mapped[bool] = mapped_column(Boolean, default=False)  # a flag only: never when


class CheckinPlan(TeamScoped, Base):
    """How far the tick has planned a workspace's deliveries: the `now` of its last planning pass.

    The next pass plans `(planned_until, now]`, so repeated ticks at one instant plan nothing and a
    tick after downtime catches up from where the last one stopped (bounded by a lookback).
    """

    __tablename__ = "checkin_plans"
    __table_args__ = (UniqueConstraint("team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    planned_until: Mapped[datetime] = mapped_column(UTCDateTime())
