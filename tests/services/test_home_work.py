"""home.open_tactics and home.objective_to_update: the work App Home puts in front of a person."""

from datetime import date

from bot.domain.drafts import TacticDraft
from bot.services import goal_writes, home, tree_items
from tests.services.factories import NOW, OTHER_TEAM, OWNER, TEAM, TEAMMATE, TODAY, actor, make_goal


def tactic(sessions, goal_id, owner_id, title, due=date(2027, 3, 1), who=None):
    tree = tree_items.add_strategy(sessions, who or actor(), goal_id, "Call back", today=TODAY)
    tree = tree_items.add_tactic(
        sessions,
        who or actor(),
        tree.strategies[-1].id,
        TacticDraft(title, owner_id, due),
        today=TODAY,
    )
    return tree.strategies[-1].tactics[-1].id


def titles(sessions, user_id, team_id=TEAM):
    return [item.tactic.title for item in home.open_tactics(sessions, team_id, user_id)]


def test_open_tactics_are_mine_not_done_on_active_goals_soonest_first(sessions):
    goal = make_goal(sessions)
    archived = make_goal(sessions)
    tactic(sessions, goal.id, TEAMMATE, "Later", due=date(2027, 4, 1))
    tactic(sessions, goal.id, TEAMMATE, "Sooner", due=date(2027, 2, 1))
    done = tactic(sessions, goal.id, TEAMMATE, "Done already")
    tactic(sessions, goal.id, OWNER, "Someone else's")
    tactic(sessions, archived.id, TEAMMATE, "On an archived goal")
    tree_items.complete_tactic(sessions, actor(), done, now=NOW, today=TODAY)
    goal_writes.archive_goal(sessions, actor(), archived.id, today=TODAY)

    assert titles(sessions, TEAMMATE) == ["Sooner", "Later"]
    assert home.open_tactics(sessions, TEAM, TEAMMATE)[0].goal_ref == goal.ref
    assert titles(sessions, TEAMMATE, team_id=OTHER_TEAM) == []


def test_objective_to_update_is_none_once_gone_or_archived_or_foreign(sessions):
    goal = make_goal(sessions)
    objective_id = goal.objectives[0].id

    found = home.objective_to_update(sessions, TEAM, objective_id, today=TODAY)
    assert found is not None and (found.objective.id, found.goal_ref) == (objective_id, goal.ref)
    assert home.objective_to_update(sessions, OTHER_TEAM, objective_id, today=TODAY) is None
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)
    assert home.objective_to_update(sessions, TEAM, objective_id, today=TODAY) is None
