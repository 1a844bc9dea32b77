"""Check-in rows for digest tests, written directly (the answers service is tested elsewhere), with
the period tallies the answers service keeps alongside."""

from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import DeliveryState
from bot.services.checkins.answer_parts import retally_answer_row
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery, Schedule
from models.followups import FollowUp
from tests.services.factories import CHANNEL, OWNER, TEAM

AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def schedule(sessions: sessionmaker[Session], *, anonymous: bool = False, min_answers: int = 3) -> int:
    with sessions.begin() as session:
        row = Schedule(
            team_id=TEAM,
            channel_id=CHANNEL,
            owner_id=OWNER,
            audience_id=CHANNEL,
            weekdays="mon,tue,wed,thu,fri",
            local_time=time(9, 0),
            anonymous=anonymous,
            min_answers=min_answers,
            created_at=AT,
            starts_at=AT,
        )
        session.add(row)
        session.flush()
        return row.id


def prompts(sessions, schedule_id: int, day: date, users: list[str]) -> None:
    with sessions.begin() as session:
        session.add_all(
            Delivery(
                team_id=TEAM,
                schedule_id=schedule_id,
                user_id=u,
                local_date=day,
                scheduled_at=AT,
                state=DeliveryState.SENT,
            )
            for u in users
        )


def named(
    sessions,
    schedule_id: int,
    day: date,
    user: str,
    text: str,
    category: str | None = None,
    confidence: int | None = None,
) -> None:
    with sessions.begin() as session:
        answer = Answer(
            team_id=TEAM,
            schedule_id=schedule_id,
            user_id=user,
            local_date=day,
            answered_at=AT,
            obstacles=text,
            category=category,
            confidence=confidence,
        )
        session.add(answer)
        session.flush()
        retally_answer_row(session, answer, frozenset())


def anonymous(
    sessions,
    schedule_id: int,
    day: date,
    text: str,
    category: str | None = None,
    confidence: int | None = None,
) -> None:
    with sessions.begin() as session:
        answer = AnonymousAnswer(
            team_id=TEAM,
            schedule_id=schedule_id,
            local_date=day,
            obstacles=text,
            category=category,
            confidence=confidence,
        )
        session.add(answer)
        session.flush()
        retally_answer_row(session, answer, frozenset())


def followup(sessions, day: date, **fields) -> None:
    """A named follow-up unless `author_id=None` is given (an anonymous one, unposted)."""
    fields.setdefault("author_id", "U1")
    with sessions.begin() as session:
        session.add(
            FollowUp(team_id=TEAM, channel_id=CHANNEL, local_date=day, description="call back", **fields)
        )
