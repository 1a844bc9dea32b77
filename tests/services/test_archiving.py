"""Archiving a goal asks what happens to its targets; restore brings one goal back."""

from datetime import date

import pytest

from bot.domain.enums import GoalStatus
from bot.services import archiving, goal_reads
from bot.services.archiving import ChildPolicy
from bot.services.errors import GoalArchived, GoalNotFound, NotArchived, NotEditor
from models.goals import Goal
from tests.services.factories import ADMIN, OTHER_TEAM, TEAM, TEAMMATE, TODAY, actor, load, make_goal


def family(sessions):
    """An annual goal, a quarter under it, a month under the quarter, and an unrelated goal."""
    root = make_goal(sessions, title="Raise CSAT over the year", due=date(2027, 12, 31))
    quarter = make_goal(sessions, title="Raise CSAT this quarter", due=date(2027, 3, 31), parent_id=root.id)
    month = make_goal(sessions, title="Raise CSAT this month", due=date(2027, 1, 31), parent_id=quarter.id)
    other = make_goal(sessions, title="Grow repeat orders every week")
    return root, quarter, month, other


def status(sessions, goal_id):
    return load(sessions, Goal, goal_id).status


def test_the_preview_names_the_direct_targets_and_counts_all_of_them(sessions):
    root, quarter, _month, _ = family(sessions)

    preview = archiving.archive_preview(sessions, actor(), root.id, today=TODAY)

    assert preview.goal.id == root.id
    assert preview.children == (quarter.ref,)
    assert preview.descendants == 2


def test_archiving_with_targets_archives_every_goal_under_it_and_nothing_else(sessions):
    root, quarter, month, other = family(sessions)

    done = archiving.archive_goal(sessions, actor(), root.id, children=ChildPolicy.ARCHIVE, today=TODAY)

    assert done.archived == (quarter.ref, month.ref) and done.detached == ()
    assert [status(sessions, g.id) for g in (root, quarter, month, other)] == [
        GoalStatus.ARCHIVED,
        GoalStatus.ARCHIVED,
        GoalStatus.ARCHIVED,
        GoalStatus.ACTIVE,
    ]


def test_keeping_the_targets_makes_the_direct_ones_goals_of_their_own(sessions):
    root, quarter, month, _ = family(sessions)

    done = archiving.archive_goal(sessions, actor(), root.id, children=ChildPolicy.DETACH, today=TODAY)

    assert done.detached == (quarter.ref,) and done.archived == ()
    kept = goal_reads.goal_tree(sessions, TEAM, quarter.id, today=TODAY)
    assert kept.goal.parent_id is None and kept.goal.parent_ref is None
    assert [child.id for child in kept.children] == [month.id]
    assert status(sessions, root.id) is GoalStatus.ARCHIVED


def test_no_active_goal_is_left_part_of_an_archived_one(sessions):
    for policy in ChildPolicy:
        root, *_ = family(sessions)
        archiving.archive_goal(sessions, actor(), root.id, children=policy, today=TODAY)
    with sessions() as session:
        active = session.query(Goal).filter(Goal.status == GoalStatus.ACTIVE).all()
        assert all(g.parent is None or g.parent.status is GoalStatus.ACTIVE for g in active)


def test_only_the_owner_or_an_admin_may_archive_or_preview(sessions):
    root, *_ = family(sessions)

    with pytest.raises(NotEditor):
        archiving.archive_preview(sessions, actor(TEAMMATE), root.id, today=TODAY)
    with pytest.raises(NotEditor):
        archiving.archive_goal(sessions, actor(TEAMMATE), root.id, today=TODAY)
    assert status(sessions, root.id) is GoalStatus.ACTIVE
    archiving.archive_goal(sessions, actor(ADMIN, is_admin=True), root.id, today=TODAY)
    assert status(sessions, root.id) is GoalStatus.ARCHIVED


def test_restore_brings_back_what_its_archive_took_away(sessions):
    root, quarter, month, other = family(sessions)
    archiving.archive_goal(sessions, actor(), root.id, today=TODAY)

    restored = archiving.restore_goal(sessions, actor(), root.id, today=TODAY)

    assert restored.goal.status is GoalStatus.ACTIVE and restored.left_parent is None
    assert restored.restored == (quarter.ref, month.ref)
    assert [c.id for c in goal_reads.goal_tree(sessions, TEAM, root.id, today=TODAY).children] == [quarter.id]
    assert {status(sessions, g.id) for g in (root, quarter, month, other)} == {GoalStatus.ACTIVE}


def test_restore_leaves_archived_a_target_archived_on_its_own_before(sessions):
    root, quarter, month, _ = family(sessions)
    archiving.archive_goal(sessions, actor(), month.id, today=TODAY)
    archiving.archive_goal(sessions, actor(), root.id, today=TODAY)

    restored = archiving.restore_goal(sessions, actor(), root.id, today=TODAY)

    assert restored.restored == (quarter.ref,)
    assert status(sessions, month.id) is GoalStatus.ARCHIVED


def test_a_target_restored_under_an_archived_parent_becomes_a_goal_of_its_own(sessions):
    root, quarter, _month, _ = family(sessions)
    archiving.archive_goal(sessions, actor(), root.id, today=TODAY)

    restored = archiving.restore_goal(sessions, actor(), quarter.id, today=TODAY)

    assert restored.left_parent == root.ref
    assert restored.goal.parent_id is None
    assert goal_reads.goal_tree(sessions, TEAM, quarter.id, today=TODAY).goal.parent_ref is None


def test_restore_refuses_a_goal_that_is_not_archived(sessions):
    root, *_ = family(sessions)

    with pytest.raises(NotArchived) as refused:
        archiving.restore_goal(sessions, actor(), root.id, today=TODAY)

    assert refused.value.goal_id == root.id and refused.value.status is GoalStatus.ACTIVE


def test_restore_is_for_the_owner_or_an_admin_of_this_workspace(sessions):
    root, *_ = family(sessions)
    archiving.archive_goal(sessions, actor(), root.id, today=TODAY)

    with pytest.raises(NotEditor):
        archiving.restore_goal(sessions, actor(TEAMMATE), root.id, today=TODAY)
    with pytest.raises(GoalNotFound):
        archiving.restore_goal(sessions, actor(team_id=OTHER_TEAM, is_admin=True), root.id, today=TODAY)
    assert status(sessions, root.id) is GoalStatus.ARCHIVED
    archiving.restore_goal(sessions, actor(ADMIN, is_admin=True), root.id, today=TODAY)
    assert status(sessions, root.id) is GoalStatus.ACTIVE


def test_an_archived_goal_is_reported_archived_not_missing(sessions):
    root, *_ = family(sessions)
    archiving.archive_goal(sessions, actor(), root.id, today=TODAY)

    with pytest.raises(GoalArchived) as refused:
        goal_reads.goal_tree(sessions, TEAM, root.id, today=TODAY)
    assert (refused.value.ref, refused.value.goal_ref) == (root.ref, root.ref)
    with pytest.raises(GoalNotFound):
        goal_reads.goal_tree(sessions, TEAM, root.id + 100, today=TODAY)
