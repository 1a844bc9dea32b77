"""The GOST tree: goals hold objectives (measurable) and strategies; strategies hold tactics."""

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from models.base import Base, TeamScoped, UTCDateTime, string_enum


class Goal(TeamScoped, Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    why: Mapped[str | None] = mapped_column(Text)
    owner_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str | None] = mapped_column(String(32), index=True)
    level: Mapped[GoalLevel] = mapped_column(string_enum(GoalLevel))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(string_enum(GoalStatus), default=GoalStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The goal whose archiving took this one along (its restore brings this one back). No foreign
    # key: it names a goal of the same tree, and is cleared when this goal is restored.
    archived_with_id: Mapped[int | None] = mapped_column(Integer)

    parent: Mapped["Goal | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Goal"]] = relationship(back_populates="parent", order_by="Goal.start_date")
    objectives: Mapped[list["Objective"]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Objective.id"
    )
    strategies: Mapped[list["Strategy"]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Strategy.id"
    )


class Objective(TeamScoped, Base):
    __tablename__ = "objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str | None] = mapped_column(String(30))
    baseline: Mapped[float] = mapped_column(Float)
    target: Mapped[float] = mapped_column(Float)
    direction: Mapped[Direction] = mapped_column(string_enum(Direction))
    due_date: Mapped[date] = mapped_column(Date)
    # A broken-down target tracks its annual objective's metric: measurements are stored once,
    # on that root, and a target reads the latest of them within its own period.
    tracks_objective_id: Mapped[int | None] = mapped_column(
        ForeignKey("objectives.id", ondelete="SET NULL"), index=True
    )

    goal: Mapped[Goal] = relationship(back_populates="objectives")
    measurements: Mapped[list["Measurement"]] = relationship(
        back_populates="objective", cascade="all, delete-orphan", order_by="Measurement.recorded_at"
    )


class Measurement(TeamScoped, Base):
    __tablename__ = "measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(ForeignKey("objectives.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    # None for a number from an anonymous check-in, recorded at its local date's midnight UTC.
    user_id: Mapped[str | None] = mapped_column(String(32))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The workspace's own date when it was recorded: periods (a month's target) are local dates.
    recorded_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    # Undone measurements are kept (who undid what, when) but count for nothing.
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by: Mapped[str | None] = mapped_column(String(32))

    objective: Mapped[Objective] = relationship(back_populates="measurements")


class Strategy(TeamScoped, Base):
    __tablename__ = "strategies"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))

    goal: Mapped[Goal] = relationship(back_populates="strategies")
    tactics: Mapped[list["Tactic"]] = relationship(
        back_populates="strategy", cascade="all, delete-orphan", order_by="Tactic.id"
    )


class Tactic(TeamScoped, Base):
    __tablename__ = "tactics"

    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategies.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[str] = mapped_column(String(32))
    due_date: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    strategy: Mapped[Strategy] = relationship(back_populates="tactics")


class MonthlyFocus(TeamScoped, Base):
    """A channel's one main goal for a calendar month (month = its first day)."""

    __tablename__ = "monthly_focus"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    month: Mapped[date] = mapped_column(Date)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    set_by: Mapped[str] = mapped_column(String(32))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())

    goal: Mapped[Goal] = relationship()
