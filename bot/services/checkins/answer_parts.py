"""Storing the parts of one answer, once answers.py has its row: its marks in the period tallies,
its numbers, a named answer's measurements and follow-up, an anonymous answer's held flag. Each
part is written into the caller's transaction; nothing here reads the period or calls back.
"""

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain.reports.tally_marks import Mark, answer_marks
from bot.services.reports.tally_writes import retally_answer
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, AnonymousFlag, Answer, AnswerNumber
from models.checkins import Schedule
from models.followups import FollowUp
from models.goals import Measurement, Objective
from models.measurement_queries import root_of


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


def replace_numbers(session: Session, row: Answer | AnonymousAnswer, numbers: Mapping[int, float]) -> None:
    model = AnonymousAnswerNumber if isinstance(row, AnonymousAnswer) else AnswerNumber
    session.execute(delete(model).where(model.answer_id == row.id))
    session.add_all(
        model(team_id=row.team_id, answer_id=row.id, objective_id=objective_id, value=value)
        for objective_id, value in sorted(numbers.items())
    )


def sync_measurements(
    session: Session,
    objectives: Mapping[int, Objective],
    old: Mapping[int, float],
    new: Mapping[int, float],
    row: Answer,
) -> None:
    """A named answer's numbers kept in step with the objectives' measurements, carrying its
    author and the time of the first answer; an edit changes the measurement it made earlier,
    found by (objective, author, time, old value). A break-down target's number is stored on the
    root objective it tracks, as `/goals update` does."""
    for objective_id in sorted(old.keys() | new.keys()):
        objective = objectives.get(objective_id)
        if objective is None:  # archived since: its history stays as it was
            continue
        before, after = old.get(objective_id), new.get(objective_id)
        if before == after:
            continue
        earlier = _measurement(session, objective, before, row) if before is not None else None
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
                    user_id=row.user_id,
                    recorded_at=row.answered_at,
                    recorded_on=row.local_date,
                )
            )


def _measurement(session: Session, objective: Objective, value: float, row: Answer) -> Measurement | None:
    query = select(Measurement).where(
        Measurement.team_id == objective.team_id,
        Measurement.objective_id == root_of(objective),
        Measurement.recorded_at == row.answered_at,
        Measurement.value == value,
        Measurement.user_id == row.user_id,
    )
    return session.scalars(query.order_by(Measurement.id).limit(1)).first()


def keep_follow_up(
    session: Session,
    schedule: Schedule,
    row: Answer,
    follow_up: FollowUp | None,
    description: str | None,
    now: datetime,
) -> None:
    """A named answer's follow-up: new, its description edited, or dropped when unflagged before
    anyone took it on. A new one is not made twice for the same author, check-in, day and text."""
    if description and follow_up is not None:
        follow_up.description = description
    elif description:
        same = select(FollowUp.id).where(
            FollowUp.team_id == schedule.team_id,
            FollowUp.schedule_id == schedule.id,
            FollowUp.local_date == row.local_date,
            FollowUp.description == description,
            FollowUp.author_id == row.user_id,
        )
        if session.scalar(same.limit(1)) is None:
            session.add(
                FollowUp(
                    team_id=schedule.team_id,
                    channel_id=schedule.channel_id,
                    schedule_id=schedule.id,
                    local_date=row.local_date,
                    description=description,
                    answer_id=row.id,
                    author_id=row.user_id,
                    created_at=now,
                )
            )
    elif follow_up is not None and follow_up.owner_id is None:
        session.delete(follow_up)


def hold_anonymous_flag(session: Session, schedule: Schedule, local_date: date, description: str) -> None:
    """An anonymous answer's follow-up, held with no author, answer link or time until its post
    may go out (bot/services/followups/release.py); once per check-in, day and text."""
    same = select(AnonymousFlag.id).where(
        AnonymousFlag.team_id == schedule.team_id,
        AnonymousFlag.schedule_id == schedule.id,
        AnonymousFlag.local_date == local_date,
        AnonymousFlag.description == description,
    )
    if session.scalar(same.limit(1)) is None:
        session.add(
            AnonymousFlag(
                team_id=schedule.team_id,
                channel_id=schedule.channel_id,
                schedule_id=schedule.id,
                local_date=local_date,
                description=description,
            )
        )
