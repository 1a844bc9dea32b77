"""Settling closed anonymous check-in days: their numbers count once, at the close, as one
measurement per objective (the median, noted "median of N anonymous answers"), and only when at
least the minimum answered (`domain/checkins/anonymous_numbers.py`). Until then they are only in
`anonymous_answer_numbers`, which has no author, time of day or serial id.

A day is settled when its period has closed in every zone (`periods.closed_everywhere`): the
answers keep no zone. Its row in `anonymous_closes` is inserted once (ON CONFLICT DO NOTHING) in
the transaction that writes the medians, so repeated or concurrent ticks settle it once.
"""

from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.anonymous_numbers import settle_numbers
from bot.domain.checkins.periods import closed_everywhere
from bot.services.checkins.specs import spec_of
from models.answers import AnonymousAnswer, AnonymousAnswerNumber, AnonymousClose
from models.checkins import Schedule
from models.dialect import insert_ignoring
from models.goals import Measurement, Objective
from models.measurement_queries import root_of

BATCH = 200
_CLOSES = cast(Table, AnonymousClose.__table__)


def settle_anonymous_days(sessions: sessionmaker[Session], now: datetime) -> int:
    """Settle every anonymous day closed by `now` and not yet settled; how many were settled."""
    settled = 0
    for team_id, schedule_id, day in _unsettled(sessions, now):
        settled += _settle(sessions, team_id, schedule_id, day, now)
    return settled


def _unsettled(sessions: sessionmaker[Session], now: datetime) -> list[tuple[str, int, date]]:
    done = exists().where(
        AnonymousClose.schedule_id == AnonymousAnswer.schedule_id,
        AnonymousClose.local_date == AnonymousAnswer.local_date,
    )
    query = (
        select(AnonymousAnswer.team_id, AnonymousAnswer.schedule_id, AnonymousAnswer.local_date)
        .where(AnonymousAnswer.local_date <= now.date(), ~done)
        .distinct()
        .order_by(AnonymousAnswer.local_date, AnonymousAnswer.schedule_id)
        .limit(BATCH)
    )
    with sessions() as session:
        return [(team, schedule, day) for team, schedule, day in session.execute(query)]


def _settle(sessions: sessionmaker[Session], team_id: str, schedule_id: int, day: date, now: datetime) -> int:
    with sessions.begin() as session:
        schedule = session.get(Schedule, schedule_id)
        if schedule is None or schedule.team_id != team_id:
            return 0
        closed_at = closed_everywhere(spec_of(schedule), day)
        if closed_at > now:
            return 0
        day_answers = (
            AnonymousAnswer.team_id == team_id,
            AnonymousAnswer.schedule_id == schedule_id,
            AnonymousAnswer.local_date == day,
        )
        answered = session.scalar(select(func.count()).where(*day_answers)) or 0
        values = session.execute(
            select(AnonymousAnswerNumber.objective_id, AnonymousAnswerNumber.value)
            .join(AnonymousAnswer, AnonymousAnswer.id == AnonymousAnswerNumber.answer_id)
            .where(*day_answers)
        ).all()
        settled = settle_numbers(((o, v) for o, v in values), answered, schedule.min_answers)
        if not _claim(session, team_id, schedule_id, day, counted=bool(settled)):
            return 0
        objectives = _objectives(session, team_id, [s.objective_id for s in settled])
        for number in settled:
            objective = objectives.get(number.objective_id)
            if objective is None:  # deleted since: nothing to count it for
                continue
            session.add(
                Measurement(
                    team_id=team_id,
                    objective_id=root_of(objective),
                    value=number.value,
                    user_id=None,
                    recorded_at=closed_at,
                    recorded_on=day,
                    note=number.note,
                )
            )
        return 1


def _claim(session: Session, team_id: str, schedule_id: int, day: date, *, counted: bool) -> bool:
    """Whether this transaction recorded the day's close (another tick may have, or be doing it)."""
    statement = (
        insert_ignoring(session, _CLOSES, ["schedule_id", "local_date"])
        .values(team_id=team_id, schedule_id=schedule_id, local_date=day, counted=counted)
        .returning(_CLOSES.c.schedule_id)
    )
    return session.execute(statement).first() is not None


def _objectives(session: Session, team_id: str, ids: list[int]) -> dict[int, Objective]:
    if not ids:
        return {}
    query = select(Objective).where(Objective.team_id == team_id, Objective.id.in_(ids))
    return {o.id: o for o in session.scalars(query)}
