"""latest_values: the latest counting measurement of many objectives, in one query."""

from datetime import UTC, date, datetime

from sqlalchemy import event

from bot.services import goal_list
from models.measurement_queries import latest_values
from tests.services.factories import CHANNEL, TEAM, make_goal, measure


def statements_during(engine, action) -> int:
    seen = []

    def count(*_args) -> None:
        seen.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_listing_reads_measurements_in_a_constant_number_of_queries(sessions, engine):
    def list_now():
        return goal_list.goal_page(sessions, TEAM, CHANNEL, today=date(2027, 1, 20)).goals

    goal = make_goal(sessions)
    measure(sessions, goal.objectives[0].id, 80)
    few = statements_during(engine, list_now)
    for n in range(5):
        more = make_goal(sessions, title=f"Raise CSAT at shop number {n}")
        measure(sessions, more.objectives[0].id, 81 + n)
    many = statements_during(engine, list_now)

    assert few == many
    assert [g.objectives[0].current for g in list_now()] == [80, 81, 82, 83, 84, 85]


def test_unmeasured_and_other_workspace_objectives_are_absent(sessions):
    goal = make_goal(sessions)
    other = make_goal(sessions, title="Raise CSAT at the other shop")
    measure(sessions, goal.objectives[0].id, 80, at=datetime(2027, 1, 5, tzinfo=UTC))
    measure(sessions, goal.objectives[0].id, 82, at=datetime(2027, 1, 6, tzinfo=UTC))

    with sessions() as session:
        found = latest_values(session, TEAM, [goal.objectives[0].id, other.objectives[0].id])
        assert list(found) == [goal.objectives[0].id]
        assert (found[goal.objectives[0].id].value, found[goal.objectives[0].id].count) == (82, 2)
        assert latest_values(session, "T_OTHER", [goal.objectives[0].id]) == {}
        assert latest_values(session, TEAM, []) == {}
