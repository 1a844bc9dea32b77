"""Check-in answers, named and anonymous, and the numbers given in them.

Anonymity is structural: `AnonymousAnswer` and its numbers have no author column, no foreign key
to a delivery or person, no time of day (only the local date) and a random id (an increasing
integer would give away the order of answering). `Delivery.answered` is all that records that
someone answered an anonymous check-in, so reminders stop.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain.checkins.enums import Category
from models.base import Base, TeamScoped, UTCDateTime, string_enum


class Answer(TeamScoped, Base):
    """A named answer; edited in place until the period closes."""

    __tablename__ = "checkin_answers"
    __table_args__ = (
        UniqueConstraint("schedule_id", "user_id", "local_date"),
        Index("ix_checkin_answers_team_id_schedule_id_local_date", "team_id", "schedule_id", "local_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("checkin_schedules.id", ondelete="CASCADE"))
    # None when answered without a prompt (someone away, using /checkin).
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("checkin_deliveries.id", ondelete="SET NULL"))
    user_id: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[date] = mapped_column(Date)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[int | None] = mapped_column(Integer)
    expectations: Mapped[str | None] = mapped_column(Text)
    obstacles: Mapped[str | None] = mapped_column(Text)
    category: Mapped[Category | None] = mapped_column(string_enum(Category))


class AnswerNumber(TeamScoped, Base):
    __tablename__ = "checkin_answer_numbers"

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("checkin_answers.id", ondelete="CASCADE"), primary_key=True
    )
    objective_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


def _random_id() -> str:
    return uuid.uuid4().hex


class AnonymousAnswer(TeamScoped, Base):
    """An anonymous answer: the schedule and the local date, and nothing that leads to a person."""

    __tablename__ = "anonymous_answers"
    __table_args__ = (
        Index("ix_anonymous_answers_team_id_schedule_id_local_date", "team_id", "schedule_id", "local_date"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_id)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("checkin_schedules.id", ondelete="CASCADE"))
    local_date: Mapped[date] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[int | None] = mapped_column(Integer)
    expectations: Mapped[str | None] = mapped_column(Text)
    obstacles: Mapped[str | None] = mapped_column(Text)
    category: Mapped[Category | None] = mapped_column(string_enum(Category))


class AnonymousAnswerNumber(TeamScoped, Base):
    __tablename__ = "anonymous_answer_numbers"

    answer_id: Mapped[str] = mapped_column(
        ForeignKey("anonymous_answers.id", ondelete="CASCADE"), primary_key=True
    )
    objective_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class AnonymousFlag(TeamScoped, Base):
    """A follow-up flagged in an anonymous check-in, held until its post may go out. It becomes a
    `follow_ups` row only then, with the day's other flags in order of their text: a serial id
    given when each was flagged would tell who answered first."""

    __tablename__ = "anonymous_flags"
    __table_args__ = (Index("ix_anonymous_flags_local_date", "local_date"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_id)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("checkin_schedules.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)


class AnonymousClose(TeamScoped, Base):
    """A closed anonymous check-in day whose numbers were settled: counted once as a median per
    objective when at least the minimum answered, else never. The key is what the tick inserts
    once (INSERT … ON CONFLICT DO NOTHING), so repeated or concurrent ticks settle it once."""

    __tablename__ = "anonymous_closes"

    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("checkin_schedules.id", ondelete="CASCADE"), primary_key=True
    )
    local_date: Mapped[date] = mapped_column(Date, primary_key=True)
    counted: Mapped[bool] = mapped_column(Boolean, default=False)
