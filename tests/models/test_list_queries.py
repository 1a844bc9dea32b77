"""The list's queries return plain columns, scoped by team_id; latest_values sees unflushed writes."""

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from models import list_queries
from models.goals import Goal, Measurement, MonthlyFocus, Objective
from models.measurement_queries import latest_values

TEAM, OTHER_TEAM = "T0001", "T0002"
NOW = datetime(2027, 1, 15, 9, 30, tzinfo=UTC)
JANUARY = date(2027, 1, 1)


def _goal(
    title: str, *, team_id: str = TEAM, parent: Goal | None = None, due: date = date(2027, 6, 30)
) -> Goal:
    goal = Goal(
        team_id=team_id,
        title=title,
        why="because",
        owner_id="U1",
        channel_id="C1",
        level=GoalLevel.QUARTERLY,
        parent=parent,
        start_date=JANUARY,
        due_date=due,
        status=GoalStatus.ACTIVE,
        created_at=NOW,
    )
    goal.objectives = [
        Objective(
            team_id=team_id,
            metric=f"{title} metric",
            unit="%",
            baseline=10.0,
            target=20.0,
            direction=Direction.UP,
            due_date=due,
        )
    ]
    return goal


def _page(session: Session, team_id: str, *, offset: int = 0, limit: int = 10) -> list[list_queries.GoalRow]:
    return list_queries.goal_page(
        session,
        team_id,
        channel_id="C1",
        status=GoalStatus.ACTIVE,
        month=JANUARY,
        offset=offset,
        limit=limit,
    )


def test_goal_page_rows_are_columns_with_parent_title_focus_and_total(sessions: sessionmaker[Session]):
    with sessions.begin() as session:
        parent = _goal("Best shop in town", due=date(2027, 12, 31))
        child = _goal("Raise CSAT", parent=parent, due=date(2027, 3, 31))
        session.add_all([parent, child, _goal("Elsewhere", team_id=OTHER_TEAM)])
        session.flush()
        session.add(
            MonthlyFocus(
                team_id=TEAM, channel_id="C1", month=JANUARY, goal_id=child.id, set_by="U1", set_at=NOW
            )
        )
        ids = (child.id, parent.id)

    with sessions() as session:
        rows = _page(session, TEAM)
        first_only = _page(session, TEAM, limit=1)

    assert [row.goal.id for row in rows] == list(ids)
    assert rows[0].goal == list_queries.GoalColumns(
        id=ids[0],
        title="Raise CSAT",
        why="because",
        owner_id="U1",
        channel_id="C1",
        level=GoalLevel.QUARTERLY,
        parent_id=ids[1],
        start_date=JANUARY,
        due_date=date(2027, 3, 31),
        status=GoalStatus.ACTIVE,
    )
    assert [(row.parent_title, row.total, row.is_focus) for row in rows] == [
        ("Best shop in town", 2, True),
        (None, 2, False),
    ]
    assert [(row.goal.id, row.total) for row in first_only] == [(ids[0], 2)]


def test_objectives_of_goals_are_columns_of_this_workspace_only(sessions: sessionmaker[Session]):
    with sessions.begin() as session:
        ours, theirs = _goal("Raise CSAT"), _goal("Elsewhere", team_id=OTHER_TEAM)
        session.add_all([ours, theirs])
        session.flush()
        goal_ids, objective_id = [ours.id, theirs.id], ours.objectives[0].id

    with sessions() as session:
        found = list_queries.objectives_of_goals(session, TEAM, goal_ids)
        assert list_queries.objectives_of_goals(session, TEAM, []) == []

    assert found == [
        list_queries.ObjectiveColumns(
            id=objective_id,
            goal_id=goal_ids[0],
            metric="Raise CSAT metric",
            unit="%",
            baseline=10.0,
            target=20.0,
            direction=Direction.UP,
            due_date=date(2027, 6, 30),
            tracks_objective_id=None,
        )
    ]


def test_latest_values_reads_a_measurement_added_but_not_yet_flushed(sessions: sessionmaker[Session]):
    # Its Core statement runs through Session.execute, which autoflushes; recording a measurement
    # compares the latest value before and after in one transaction, so it must stay that way.
    with sessions.begin() as session:
        goal = _goal("Raise CSAT")
        session.add(goal)
        session.flush()
        objective_id = goal.objectives[0].id

    with sessions.begin() as session:
        session.add(
            Measurement(
                team_id=TEAM,
                objective_id=objective_id,
                value=15.0,
                user_id="U1",
                recorded_at=NOW,
                recorded_on=NOW.date(),
            )
        )
        latest = latest_values(session, TEAM, [objective_id])

    assert (latest[objective_id].value, latest[objective_id].count) == (15.0, 1)
