"""What the migrated schema enforces on every backend: unique keys, cascades, UTC times."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from models import (
    Direction,
    Goal,
    GoalLevel,
    Measurement,
    MonthlyFocus,
    Objective,
    ProcessedEvent,
    Strategy,
    Tactic,
)

TEAM = "T0001"
NOW = datetime(2027, 1, 15, 9, 30, tzinfo=UTC)
JANUARY = date(2027, 1, 1)


def _goal(title: str = "Raise CSAT from 78 to 85", *, team_id: str = TEAM) -> Goal:
    return Goal(
        team_id=team_id,
        title=title,
        owner_id="U1",
        level=GoalLevel.QUARTERLY,
        start_date=JANUARY,
        due_date=date(2027, 3, 31),
        created_at=NOW,
    )


def _goal_with_tree(title: str) -> Goal:
    goal = _goal(title)
    objective = Objective(
        team_id=TEAM,
        metric="CSAT",
        unit="%",
        baseline=78,
        target=85,
        direction=Direction.UP,
        due_date=goal.due_date,
    )
    objective.measurements.append(
        Measurement(team_id=TEAM, value=80, user_id="U1", recorded_at=NOW, recorded_on=NOW.date())
    )
    strategy = Strategy(team_id=TEAM, title="Call back every detractor")
    strategy.tactics.append(Tactic(team_id=TEAM, title="Daily list", owner_id="U2", due_date=JANUARY))
    goal.objectives.append(objective)
    goal.strategies.append(strategy)
    return goal


def _focus(goal: Goal, *, team_id: str = TEAM, channel_id: str = "C1", month: date = JANUARY) -> MonthlyFocus:
    return MonthlyFocus(
        team_id=team_id, channel_id=channel_id, month=month, goal=goal, set_by="U1", set_at=NOW
    )


def _counts(session: Session) -> dict[str, int]:
    models = (Goal, Objective, Measurement, Strategy, Tactic, MonthlyFocus)
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in models}


def test_utc_datetime_round_trips_an_aware_time_as_utc(sessions: sessionmaker[Session]) -> None:
    kolkata = timezone(timedelta(hours=5, minutes=30))
    received = datetime(2027, 1, 15, 15, 0, 15, 123456, tzinfo=kolkata)
    with sessions.begin() as session:
        session.add(ProcessedEvent(team_id=TEAM, event_id="Ev1", received_at=received))

    with sessions() as session:
        stored = session.scalars(select(ProcessedEvent.received_at)).one()
    assert stored == received
    assert stored.tzinfo == UTC
    assert stored.hour == 9 and stored.minute == 30 and stored.microsecond == 123456


def test_utc_datetime_rejects_a_naive_time(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(StatementError, match="naive datetime"), sessions.begin() as session:
        session.add(ProcessedEvent(team_id=TEAM, event_id="Ev1", received_at=datetime(2027, 1, 15, 9, 30)))

    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 0


def test_one_monthly_focus_per_team_channel_and_month(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        goal = _goal()
        session.add_all(
            [
                _focus(goal),
                _focus(goal, team_id="T0002"),
                _focus(goal, channel_id="C2"),
                _focus(goal, month=date(2027, 2, 1)),
            ]
        )

    with pytest.raises(IntegrityError), sessions.begin() as session:
        goal = session.scalars(select(Goal)).one()
        session.add(_focus(goal))


def test_one_processed_event_per_team_and_event_id(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.add(ProcessedEvent(team_id=TEAM, event_id="Ev1", received_at=NOW))
        session.add(ProcessedEvent(team_id="T0002", event_id="Ev1", received_at=NOW))

    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(ProcessedEvent(team_id=TEAM, event_id="Ev1", received_at=NOW))


@pytest.mark.parametrize("how", ["orm", "sql"])
def test_deleting_a_goal_deletes_its_tree(sessions: sessionmaker[Session], how: str) -> None:
    """ "orm" follows the relationships' cascades; "sql" the migration's ON DELETE clauses."""
    with sessions.begin() as session:
        doomed, kept = _goal_with_tree("Doomed"), _goal_with_tree("Kept")
        child = _goal("Monthly step")
        child.parent = doomed
        session.add_all([doomed, kept, child, _focus(doomed)])
    doomed_id, child_id = doomed.id, child.id

    with sessions.begin() as session:
        if how == "orm":
            session.delete(session.get_one(Goal, doomed_id))
        else:
            session.execute(delete(Goal).where(Goal.id == doomed_id))

    with sessions() as session:
        assert _counts(session) == {
            "goals": 2,
            "objectives": 1,
            "measurements": 1,
            "strategies": 1,
            "tactics": 1,
            "monthly_focus": 0,
        }
        assert session.get_one(Goal, child_id).parent_id is None
