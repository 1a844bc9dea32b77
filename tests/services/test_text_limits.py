"""One limit per field: text over it is refused with the limit, on SQLite and PostgreSQL alike."""

from datetime import date

import pytest

from bot.domain import limits
from bot.domain.drafts import TacticDraft
from bot.domain.numbers import MAX_MEASUREMENT
from bot.services import goal_writes, tree_items
from bot.services.errors import DueTooFar, MeasurementOutOfRange, SmartIncomplete, TextTooLong
from models.goals import Goal, Objective, Strategy, Tactic
from tests.services.factories import TODAY, actor, count, draft, make_goal, row

MAX_TITLE = "x" * limits.GOAL_TITLE


@pytest.mark.parametrize(
    ("fields", "field", "limit"),
    [
        (dict(title="Raise CSAT " + "y" * 100_000), "title", limits.GOAL_TITLE),
        (dict(why="because " + "y" * limits.WHY), "why", limits.WHY),
        (dict(rows=(row(metric="m" * (limits.METRIC + 1)),)), "objective.0.metric", limits.METRIC),
        (dict(rows=(row(), row(unit="u" * (limits.UNIT + 1)))), "objective.1.unit", limits.UNIT),
    ],
)
def test_create_goal_refuses_text_over_its_limit_and_stores_nothing(sessions, fields, field, limit):
    fields = dict(fields)  # parametrize shares the dict between the SQLite and PostgreSQL runs
    rows = fields.pop("rows", ())

    with pytest.raises(TextTooLong) as refused:
        make_goal(sessions, *rows, **fields)

    assert (refused.value.field, refused.value.limit) == (field, limit)
    assert refused.value.length > limit
    assert count(sessions, Goal) == 0


def test_text_at_each_limit_is_stored_whole(sessions):
    goal = make_goal(
        sessions,
        row(metric="m" * limits.METRIC, unit="u" * limits.UNIT),
        title="Raise CSAT " + "y" * (limits.GOAL_TITLE - 11),
        why="w" * limits.WHY,
    )

    with sessions() as session:
        stored = session.get(Goal, goal.id)
        assert len(stored.title) == limits.GOAL_TITLE
        assert len(stored.why) == limits.WHY
        (objective,) = stored.objectives
        assert (len(objective.metric), len(objective.unit)) == (limits.METRIC, limits.UNIT)


def test_update_goal_refuses_a_long_metric(sessions):
    goal = make_goal(sessions)

    with pytest.raises(TextTooLong):
        goal_writes.update_goal(
            sessions, actor(), goal.id, draft(row(metric="m" * 150)), objective_ids=[], today=TODAY
        )
    assert count(sessions, Objective) == 1


def test_a_due_date_more_than_ten_years_away_is_not_smart(sessions):
    with pytest.raises(SmartIncomplete) as refused:
        make_goal(sessions, due=date(9999, 12, 30))

    assert [p.field for p in refused.value.problems] == ["due_date"]
    assert count(sessions, Goal) == 0


def test_tree_items_refuse_long_text_and_far_dates(sessions):
    goal = make_goal(sessions)
    strategy_id = (
        tree_items.add_strategy(sessions, actor(), goal.id, "Call back", today=TODAY).strategies[0].id
    )

    with pytest.raises(TextTooLong):
        tree_items.add_objective(
            sessions, actor(), goal.id, row(metric="m" * 101), date(2027, 5, 1), today=TODAY
        )
    with pytest.raises(DueTooFar):
        tree_items.add_objective(sessions, actor(), goal.id, row(), date(9999, 12, 30), today=TODAY)
    with pytest.raises(TextTooLong):
        tree_items.add_strategy(sessions, actor(), goal.id, "s" * 151, today=TODAY)
    with pytest.raises(TextTooLong):
        tree_items.add_tactic(
            sessions, actor(), strategy_id, TacticDraft("t" * 151, "U1", date(2027, 2, 1)), today=TODAY
        )
    with pytest.raises(DueTooFar):
        tree_items.add_tactic(
            sessions, actor(), strategy_id, TacticDraft("Call", "U1", date(9999, 1, 1)), today=TODAY
        )

    assert (count(sessions, Objective), count(sessions, Strategy), count(sessions, Tactic)) == (1, 1, 0)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (dict(target=1e25), "objective.0.target"),
        (dict(baseline=-MAX_MEASUREMENT * 2), "objective.0.baseline"),
    ],
)
def test_numbers_past_the_measurement_limit_are_refused_everywhere_they_enter(sessions, fields, field):
    with pytest.raises(MeasurementOutOfRange) as refused:
        make_goal(sessions, row(**fields))
    assert (refused.value.field, refused.value.limit) == (field, MAX_MEASUREMENT)
    goal = make_goal(sessions, row(target=MAX_MEASUREMENT))

    with pytest.raises(MeasurementOutOfRange):
        tree_items.add_objective(sessions, actor(), goal.id, row(**fields), date(2027, 5, 1), today=TODAY)
    with pytest.raises(MeasurementOutOfRange):
        goal_writes.update_goal(
            sessions, actor(), goal.id, draft(row(**fields)), objective_ids=[], today=TODAY
        )
    assert (count(sessions, Goal), count(sessions, Objective)) == (1, 1)
