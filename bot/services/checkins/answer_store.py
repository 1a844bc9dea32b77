"""Where an answer's parts go: its numbers (and the measurements they become), its follow-up, and
its marks in the period tallies (what the digest counts: categories, theme words, answers).

Measurements from a named answer carry its author and the time of the first answer. An edit
changes the measurement it made earlier, found by (objective, author, time, old value). An
anonymous answer makes none: its day's numbers count once, as medians, when the day closes
(anonymous_close.py).
"""

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.reports.tally_marks import Mark, answer_marks
from bot.services.reports.tally_writes import retally_answer
from models.answers import AnonymousAnswer, AnonymousFlag, Answer
from models.followups import FollowUp
from models.goals import Measurement, Objective
from models.measurement_queries import root_of


def sync_measurements(
    session: Session,
    objectives: Mapping[int, Objective],
    old: Mapping[int, float],
    new: Mapping[int, float],
    *,
    user_id: str | None,
    recorded_at: datetime,
    recorded_on: date,
) -> None:
    """Numbers given in an answer, kept in step with the objectives' measurements. A break-down
    target's number is stored on the root objective it tracks, as `/goals update` does."""
    for objective_id in sorted(old.keys() | new.keys()):
        objective = objectives.get(objective_id)
        if objective is None:  # archived since: its history stays as it was
            continue
        before, after = old.get(objective_id), new.get(objective_id)
        if before == after:
            continue
        earlier = (
            _measurement(session, objective, before, user_id, recorded_at) if before is not None else None
        )
        if earlier is not None and after is not None:
            earlier.value = after
        elif earlier is not None:
            session.delete(earlier)
        elif after is not None:
            session.add(
                Measurement(
                    team_id=objective.team_id,
                    objective_id=root_of(objective),
                    value=after,
                    user_id=user_id,
                    recorded_at=recorded_at,
                    recorded_on=recorded_on,
                )
            )


def add_follow_up(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    schedule_id: int,
    local_date: date,
    description: str,
    answer_id: int | None = None,
    author_id: str | None = None,
    created_at: datetime | None = None,
) -> None:
    """A new follow-up unless the same one is already recorded for that check-in and day."""
    query = select(FollowUp.id).where(
        FollowUp.team_id == team_id,
        FollowUp.schedule_id == schedule_id,
        FollowUp.local_date == local_date,
        FollowUp.description == description,
        FollowUp.author_id.is_(None) if author_id is None else FollowUp.author_id == author_id,
    )
    if session.scalar(query.limit(1)) is not None:
        return
    session.add(
        FollowUp(
            team_id=team_id,
            channel_id=channel_id,
            schedule_id=schedule_id,
            local_date=local_date,
            description=description,
            answer_id=answer_id,
            author_id=author_id,
            created_at=created_at,
            status=FollowUpStatus.OPEN,
        )
    )


def add_anonymous_flag(
    session: Session, *, team_id: str, channel_id: str, schedule_id: int, local_date: date, description: str
) -> None:
    """A follow-up from an anonymous answer, held (anonymous_flags) until its post may go out; once
    per check-in, day and text, like `add_follow_up`."""
    query = select(AnonymousFlag.id).where(
        AnonymousFlag.team_id == team_id,
        AnonymousFlag.schedule_id == schedule_id,
        AnonymousFlag.local_date == local_date,
        AnonymousFlag.description == description,
    )
    if session.scalar(query.limit(1)) is not None:
        return
    session.add(
        AnonymousFlag(
            team_id=team_id,
            channel_id=channel_id,
            schedule_id=schedule_id,
            local_date=local_date,
            description=description,
        )
    )


def named_follow_up(session: Session, team_id: str, answer_id: int) -> FollowUp | None:
    return session.scalar(
        select(FollowUp).where(FollowUp.team_id == team_id, FollowUp.answer_id == answer_id)
    )


def _measurement(
    session: Session, objective: Objective, value: float, user_id: str | None, recorded_at: datetime
) -> Measurement | None:
    author = Measurement.user_id.is_(None) if user_id is None else Measurement.user_id == user_id
    query = select(Measurement).where(
        Measurement.team_id == objective.team_id,
        Measurement.objective_id == root_of(objective),
        Measurement.recorded_at == recorded_at,
        Measurement.value == value,
        author,
    )
    return session.scalars(query.order_by(Measurement.id).limit(1)).first()


def row_marks(row: Answer | AnonymousAnswer) -> frozenset[Mark]:
    return answer_marks(row.category, row.expectations, row.obstacles, row.confidence)


def retally_answer_row(session: Session, row: Answer | AnonymousAnswer, before: frozenset[Mark]) -> None:
    """The period tallies moved from `before` (the marks the answer had, none if it is new) to the
    answer as it now stands. An anonymous answer is counted with no key at all."""
    retally_answer(
        session,
        team_id=row.team_id,
        schedule_id=row.schedule_id,
        local_date=row.local_date,
        person_key=None if isinstance(row, AnonymousAnswer) else row.user_id,
        before=before,
        after=row_marks(row),
    )
