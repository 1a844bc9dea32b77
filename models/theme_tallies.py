"""Per-period tallies of check-in answers, kept with every answer so a digest reads counts.

`theme_tallies` holds, per (schedule, period, mark): how many different named people and how
many named answers left the mark, and how many anonymous answers did. A mark is that an answer
was given (kind "answer", theme ""), its category, or one of its theme words
(bot.domain.reports.tally_marks). `theme_people` is the bookkeeping behind "different people":
how many of one named person's answers in the period carry the mark, so an edit that removes
the last of them takes the person off. Anonymous answers are never in `theme_people`: their
tallies are counts with no key, no date finer than the period and no time.

Both keys lead with team_id; a digest reads one period's rows of a schedule by the primary key.
"""

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

PERIOD_LENGTH = 16  # "2027-03" or "2027-W09"
THEME_LENGTH = 40  # bot.domain.reports.themes.MAX_WORD_LENGTH; categories are shorter


class ThemeTally(Base):
    __tablename__ = "theme_tallies"
    __table_args__ = {"sqlite_with_rowid": False}

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("checkin_schedules.id", ondelete="CASCADE"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(PERIOD_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # tally_marks.MarkKind
    theme: Mapped[str] = mapped_column(String(THEME_LENGTH), primary_key=True)
    named_people: Mapped[int] = mapped_column(Integer, default=0)
    named_answers: Mapped[int] = mapped_column(Integer, default=0)
    anonymous_answers: Mapped[int] = mapped_column(Integer, default=0)


class ThemePerson(Base):
    __tablename__ = "theme_people"
    __table_args__ = {"sqlite_with_rowid": False}

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("checkin_schedules.id", ondelete="CASCADE"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(PERIOD_LENGTH), primary_key=True)
    person_key: Mapped[str] = mapped_column(String(32), primary_key=True)  # a named author's user id
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    theme: Mapped[str] = mapped_column(String(THEME_LENGTH), primary_key=True)
    uses: Mapped[int] = mapped_column(Integer, default=0)
