"""Objectives, strategies and tactics under a goal, and who may add or tick them off."""

from datetime import UTC, date, datetime

import pytest

from bot.domain.drafts import TacticDraft
from bot.domain.enums import Direction
from bot.services import goal_writes, tree_items
from bot.services.errors import (
    DueDateInPast,
    GoalArchived,
    GoalNotFound,
    NotEditor,
    NotTacticCompleter,
    SmartIncomplete,
    StrategyNotFound,
    TacticNotFound,
    TitleMissing,
)
from models.goals import Objective, Strategy, Tactic
from tests.services.factories import (
    ADMIN,
    NOW,
    OTHER_TEAM,
    TEAMMATE,
    TODAY,
    actor,
    count,
    load,
    make_goal,
    row,
)

LATER = datetime(2027, 1, 20, 17, tzinfo=UTC)
TACTIC_DUE = date(2027, 2, 15)


def strategy_on(sessions, goal_id, who=None) -> int:
    tree = tree_items.add_strategy(sessions, who or actor(), goal_id, "Follow up 1-star reviews", today=TODAY)
    return tree.strategies[-1].id


def tactic_on(sessions, strategy_id, owner_id=TEAMMATE) -> int:
    tactic = TacticDraft("Call back within a day", owner_id, TACTIC_DUE)
    tree = tree_items.add_tactic(sessions, actor(), strategy_id, tactic, today=TODAY)
    return tree.strategies[-1].tactics[-1].id


def complete(sessions, tactic_id, who, now=NOW):
    return tree_items.complete_tactic(sessions, who, tactic_id, now=now, today=now.date())


@pytest.mark.parametrize("who", [actor(), actor(ADMIN, is_admin=True)], ids=["owner", "admin"])
def test_the_owner_or_an_admin_adds_an_objective(sessions, who):
    goal = make_goal(sessions)

    tree = tree_items.add_objective(
        sessions, who, goal.id, row(" Wait time ", 12, 5, "min"), TACTIC_DUE, today=TODAY
    )

    added = tree.goal.objectives[-1]
    assert [o.metric for o in tree.goal.objectives] == ["CSAT", "Wait time"]
    assert (added.direction, added.due_date, added.unit) == (Direction.DOWN, TACTIC_DUE, "min")


def test_adding_an_objective_is_refused_for_others_past_dates_and_missing_numbers(sessions):
    goal = make_goal(sessions)

    with pytest.raises(NotEditor):
        tree_items.add_objective(sessions, actor(TEAMMATE), goal.id, row("NPS"), TACTIC_DUE, today=TODAY)
    with pytest.raises(DueDateInPast) as past:
        tree_items.add_objective(sessions, actor(), goal.id, row("NPS"), date(2027, 1, 3), today=TODAY)
    assert (past.value.kind, past.value.due_date, past.value.field) == (
        "objective",
        date(2027, 1, 3),
        "due_date",
    )
    with pytest.raises(SmartIncomplete):
        tree_items.add_objective(sessions, actor(), goal.id, row("NPS", 30, None), TACTIC_DUE, today=TODAY)
    with pytest.raises(GoalNotFound):
        tree_items.add_objective(sessions, actor(team_id=OTHER_TEAM), goal.id, row(), TACTIC_DUE, today=TODAY)
    assert count(sessions, Objective) == 1


def test_strategies_need_a_title_and_an_editor(sessions):
    goal = make_goal(sessions)

    tree = tree_items.add_strategy(sessions, actor(), goal.id, "  Ask   every guest \n", today=TODAY)

    assert [s.title for s in tree.strategies] == ["Ask every guest"]
    assert tree.strategies[0].ref == f"S{tree.strategies[0].id}"
    with pytest.raises(TitleMissing) as untitled:
        tree_items.add_strategy(sessions, actor(), goal.id, " \n ", today=TODAY)
    assert (untitled.value.kind, untitled.value.field) == ("strategy", "title")
    with pytest.raises(NotEditor):
        tree_items.add_strategy(sessions, actor(TEAMMATE), goal.id, "My own plan", today=TODAY)
    assert count(sessions, Strategy) == 1


def test_tactics_go_under_a_strategy_with_an_owner_of_their_own(sessions):
    goal = make_goal(sessions)
    strategy_id = strategy_on(sessions, goal.id)

    tactic_id = tactic_on(sessions, strategy_id, owner_id=TEAMMATE)

    stored = load(sessions, Tactic, tactic_id)
    assert (stored.strategy_id, stored.owner_id, stored.due_date, stored.done_at) == (
        strategy_id,
        TEAMMATE,
        TACTIC_DUE,
        None,
    )


def test_adding_a_tactic_is_refused_for_others_past_dates_and_foreign_strategies(sessions):
    strategy_id = strategy_on(sessions, make_goal(sessions).id)
    tactic = TacticDraft("Call back within a day", TEAMMATE, TACTIC_DUE)

    with pytest.raises(NotEditor):
        tree_items.add_tactic(sessions, actor(TEAMMATE), strategy_id, tactic, today=TODAY)
    with pytest.raises(DueDateInPast) as past:
        tree_items.add_tactic(sessions, actor(), strategy_id, tactic, today=date(2027, 2, 16))
    assert (past.value.kind, past.value.field) == ("tactic", "due_date")
    with pytest.raises(StrategyNotFound) as refused:
        tree_items.add_tactic(sessions, actor(team_id=OTHER_TEAM), strategy_id, tactic, today=TODAY)
    assert refused.value.ref == f"S{strategy_id}"
    assert count(sessions, Tactic) == 0


@pytest.mark.parametrize(
    "who",
    [actor(TEAMMATE), actor(), actor(ADMIN, is_admin=True)],
    ids=["tactic-owner", "goal-owner", "admin"],
)
def test_the_tactic_owner_the_goal_owner_or_an_admin_may_tick_it_off(sessions, who):
    tactic_id = tactic_on(sessions, strategy_on(sessions, make_goal(sessions).id), owner_id=TEAMMATE)

    tree = complete(sessions, tactic_id, who)

    assert tree.strategies[0].tactics[0].done
    assert load(sessions, Tactic, tactic_id).done_at == NOW


def test_anyone_else_may_not_tick_it_off(sessions):
    tactic_id = tactic_on(sessions, strategy_on(sessions, make_goal(sessions).id), owner_id=TEAMMATE)

    with pytest.raises(NotTacticCompleter):
        complete(sessions, tactic_id, actor("U0STRANGER"))
    with pytest.raises(TacticNotFound):
        complete(sessions, tactic_id, actor(TEAMMATE, team_id=OTHER_TEAM))
    assert load(sessions, Tactic, tactic_id).done_at is None


def test_ticking_off_twice_keeps_the_first_time(sessions):
    tactic_id = tactic_on(sessions, strategy_on(sessions, make_goal(sessions).id))
    complete(sessions, tactic_id, actor(TEAMMATE))

    tree = complete(sessions, tactic_id, actor(), now=LATER)

    assert tree.strategies[0].tactics[0].done
    assert load(sessions, Tactic, tactic_id).done_at == NOW


def test_nothing_grows_under_an_archived_goal(sessions):
    goal = make_goal(sessions)
    strategy_id = strategy_on(sessions, goal.id)
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)

    with pytest.raises(GoalArchived):
        tree_items.add_strategy(sessions, actor(), goal.id, "Another plan", today=TODAY)
    with pytest.raises(GoalArchived):
        tree_items.add_objective(sessions, actor(), goal.id, row("NPS", 30, 45), TACTIC_DUE, today=TODAY)
    with pytest.raises(GoalArchived):
        tree_items.add_tactic(
            sessions, actor(), strategy_id, TacticDraft("Late", TEAMMATE, TACTIC_DUE), today=TODAY
        )


def test_a_tactic_of_an_archived_goal_says_which_goal_to_restore(sessions):
    goal = make_goal(sessions)
    tactic_id = tactic_on(sessions, strategy_on(sessions, goal.id))
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)

    with pytest.raises(GoalArchived) as refused:
        complete(sessions, tactic_id, actor())
    assert (refused.value.ref, refused.value.goal_ref) == (f"T{tactic_id}", f"G{goal.id}")
    assert load(sessions, Tactic, tactic_id).done_at is None
