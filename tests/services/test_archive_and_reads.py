"""archive_goal, and what the read services show (or refuse) afterwards."""

from datetime import date

import pytest

from bot.domain.enums import GoalStatus
from bot.services import goal_list, goal_reads, goal_writes
from bot.services.errors import GoalArchived, GoalNotFound, NotEditor
from models.goals import Goal
from tests.services.factories import (
    ADMIN,
    CHANNEL,
    OTHER_CHANNEL,
    OTHER_TEAM,
    TEAM,
    TEAMMATE,
    TODAY,
    actor,
    load,
    make_goal,
)


def listed(sessions, channel_id=CHANNEL, team_id=TEAM):
    return [g.id for g in goal_list.goal_page(sessions, team_id, channel_id, today=TODAY).goals]


def test_channel_goals_lists_only_that_channel_and_workspace_by_due_date(sessions):
    later = make_goal(sessions, due=date(2027, 9, 30))
    sooner = make_goal(sessions, due=date(2027, 3, 31))
    make_goal(sessions, channel_id=OTHER_CHANNEL)
    make_goal(sessions, who=actor(team_id=OTHER_TEAM))  # same channel id, other workspace

    assert listed(sessions) == [sooner.id, later.id]


def test_an_archived_goal_leaves_the_channel_list_and_its_tree(sessions):
    kept = make_goal(sessions)
    gone = make_goal(sessions)

    summary = goal_writes.archive_goal(sessions, actor(), gone.id, today=TODAY)

    assert summary.status is GoalStatus.ARCHIVED
    assert load(sessions, Goal, gone.id).status is GoalStatus.ARCHIVED
    assert listed(sessions) == [kept.id]
    with pytest.raises(GoalArchived):
        goal_reads.goal_tree(sessions, TEAM, gone.id, today=TODAY)
    with pytest.raises(GoalArchived):
        goal_reads.edit_form(sessions, TEAM, gone.id)
    assert goal_reads.goal_tree(sessions, TEAM, kept.id, today=TODAY).goal.id == kept.id


def test_only_the_owner_or_an_admin_may_archive(sessions):
    goal = make_goal(sessions)

    with pytest.raises(NotEditor):
        goal_writes.archive_goal(sessions, actor(TEAMMATE), goal.id, today=TODAY)
    assert listed(sessions) == [goal.id]

    goal_writes.archive_goal(sessions, actor(ADMIN, is_admin=True), goal.id, today=TODAY)
    assert listed(sessions) == []


def test_archiving_twice_says_archived_and_from_another_workspace_is_not_found(sessions):
    goal = make_goal(sessions)

    with pytest.raises(GoalNotFound):
        goal_writes.archive_goal(sessions, actor(team_id=OTHER_TEAM, is_admin=True), goal.id, today=TODAY)
    assert listed(sessions) == [goal.id]

    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)
    with pytest.raises(GoalArchived):
        goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)


def test_the_tree_hides_archived_children_and_other_workspaces_see_nothing(sessions):
    parent = make_goal(sessions, due=date(2027, 12, 31))
    child = make_goal(sessions, parent_id=parent.id, due=date(2027, 3, 31))
    archived = make_goal(sessions, parent_id=parent.id, due=date(2027, 6, 30))
    goal_writes.archive_goal(sessions, actor(), archived.id, today=TODAY)

    tree = goal_reads.goal_tree(sessions, TEAM, parent.id, today=TODAY)

    assert [c.id for c in tree.children] == [child.id]
    with pytest.raises(GoalNotFound):
        goal_reads.goal_tree(sessions, OTHER_TEAM, parent.id, today=TODAY)


def test_edit_form_hands_back_the_rows_and_their_objective_ids(sessions):
    goal = make_goal(sessions)

    form = goal_reads.edit_form(sessions, TEAM, goal.id)

    assert form.objective_ids == tuple(o.id for o in goal.objectives)
    assert [(o.metric, o.baseline, o.target) for o in form.draft.objectives] == [("CSAT", 78, 90)]
    assert (form.draft.title, form.owner_id) == (goal.title, goal.owner_id)
    with pytest.raises(GoalNotFound):
        goal_reads.edit_form(sessions, OTHER_TEAM, goal.id)


def test_parent_choices_for_an_edit_leave_out_the_goal_and_everything_under_it(sessions):
    top = make_goal(sessions, due=date(2027, 12, 31))
    child = make_goal(sessions, parent_id=top.id, due=date(2027, 9, 30))
    archived = make_goal(sessions, parent_id=child.id, due=date(2027, 6, 30))
    below_archived = make_goal(sessions, parent_id=archived.id, due=date(2027, 3, 31))
    goal_writes.archive_goal(sessions, actor(), archived.id, today=TODAY)
    elsewhere = make_goal(sessions, due=date(2027, 6, 30))

    for_top = goal_reads.parent_choices(sessions, TEAM, exclude_id=top.id)
    for_child = goal_reads.parent_choices(sessions, TEAM, exclude_id=child.id)

    assert [goal_id for goal_id, _, _ in for_top] == [elsewhere.id]
    assert {goal_id for goal_id, _, _ in for_child} == {top.id, elsewhere.id}
    assert below_archived.id not in {goal_id for goal_id, _, _ in for_child}
    # Archiving a goal archives its targets too, so nothing below it is offered either.
    assert {goal_id for goal_id, _, _ in goal_reads.parent_choices(sessions, TEAM)} == {
        top.id,
        child.id,
        elsewhere.id,
    }
