"""update_goal: who may edit, how form rows map onto objectives, due dates, parents."""

from datetime import UTC, date, datetime

import pytest

from bot.domain.enums import Direction
from bot.services import goal_reads, goal_writes, tree_items
from bot.services.errors import GoalArchived, GoalNotFound, NotEditor, ParentIsDescendant
from models.goals import Goal
from tests.services.factories import (
    ADMIN,
    BLANK_ROW,
    DUE,
    OTHER_TEAM,
    TEAM,
    TEAMMATE,
    TODAY,
    actor,
    draft,
    load,
    make_goal,
    measure,
    row,
)

LATER = date(2027, 9, 30)


def update(sessions, goal_id, new_draft, objective_ids=(), who=None):
    return goal_writes.update_goal(
        sessions, who or actor(), goal_id, new_draft, objective_ids=objective_ids, today=TODAY
    )


def stored(sessions, goal_id):
    return goal_reads.goal_summary(sessions, TEAM, goal_id, today=TODAY)


def test_the_owner_edits_and_the_edit_is_stored(sessions):
    goal = make_goal(sessions)
    ids = [o.id for o in goal.objectives]

    update(sessions, goal.id, draft(row(), title="Raise CSAT for every guest", why="so they return"), ids)

    after = stored(sessions, goal.id)
    assert (after.title, after.why, after.due_date) == ("Raise CSAT for every guest", "so they return", DUE)


def test_someone_else_may_not_edit_and_nothing_changes(sessions):
    goal = make_goal(sessions)
    ids = [o.id for o in goal.objectives]

    with pytest.raises(NotEditor) as refused:
        update(sessions, goal.id, draft(title="Raise CSAT my way now"), ids, who=actor(TEAMMATE))

    assert (refused.value.ref, refused.value.owner_id) == (goal.ref, goal.owner_id)
    assert stored(sessions, goal.id).title == goal.title


def test_a_workspace_admin_may_edit_a_goal_they_do_not_own(sessions):
    goal = make_goal(sessions)
    ids = [o.id for o in goal.objectives]

    update(
        sessions, goal.id, draft(title="Raise CSAT as the admin says"), ids, who=actor(ADMIN, is_admin=True)
    )

    after = stored(sessions, goal.id)
    assert (after.title, after.owner_id) == ("Raise CSAT as the admin says", goal.owner_id)


def test_rows_edit_the_objectives_named_by_objective_ids_in_order(sessions):
    goal = make_goal(sessions, row("CSAT", 78, 90), row("Wait time", 12, 5, "min"))
    csat, wait = (o.id for o in goal.objectives)
    measure(sessions, wait, 11, at=datetime(2027, 1, 10, tzinfo=UTC))

    # The form lists wait time first: row 0 must edit `wait`, row 1 `csat`.
    update(
        sessions, goal.id, draft(row("Wait minutes", 12, 4, "min"), row("CSAT score", 80, 70)), [wait, csat]
    )

    after = {o.id: o for o in stored(sessions, goal.id).objectives}
    assert set(after) == {csat, wait}
    assert (after[wait].metric, after[wait].target, after[wait].measurement_count) == ("Wait minutes", 4, 1)
    assert (after[csat].metric, after[csat].baseline, after[csat].target) == ("CSAT score", 80, 70)
    assert after[csat].direction is Direction.DOWN


def test_a_cleared_row_keeps_its_objective_untouched(sessions):
    goal = make_goal(sessions, row("CSAT", 78, 90), row("Wait time", 12, 5, "min"))
    ids = [o.id for o in goal.objectives]
    measure(sessions, ids[1], 10)

    update(sessions, goal.id, draft(row("CSAT", 78, 92), BLANK_ROW), ids)

    after = stored(sessions, goal.id).objectives
    assert [(o.id, o.metric, o.target) for o in after] == [(ids[0], "CSAT", 92), (ids[1], "Wait time", 5)]
    assert after[1].measurement_count == 1


def test_a_row_past_the_objective_ids_adds_an_objective(sessions):
    goal = make_goal(sessions)
    ids = [o.id for o in goal.objectives]

    update(sessions, goal.id, draft(row(), BLANK_ROW, row("Complaints", 20, 5, None), due=LATER), ids)

    after = stored(sessions, goal.id).objectives
    assert [o.id for o in after][:1] == ids and len(after) == 2
    assert (after[1].metric, after[1].direction, after[1].due_date) == ("Complaints", Direction.DOWN, LATER)


def test_objectives_that_followed_the_goal_due_date_keep_following_it(sessions):
    goal = make_goal(sessions)
    tree_items.add_objective(
        sessions, actor(), goal.id, row("NPS", 30, 45, None), date(2027, 5, 31), today=TODAY
    )
    ids = [o.id for o in stored(sessions, goal.id).objectives]

    update(sessions, goal.id, draft(row(), row("NPS", 30, 45, None), due=LATER), ids)

    assert [o.due_date for o in stored(sessions, goal.id).objectives] == [LATER, date(2027, 5, 31)]


def test_a_cleared_row_objective_that_followed_the_due_date_still_follows_it(sessions):
    goal = make_goal(sessions, row("CSAT", 78, 90), row("Wait time", 12, 5, "min"))
    ids = [o.id for o in goal.objectives]

    update(sessions, goal.id, draft(row(), BLANK_ROW, due=LATER), ids)

    assert [o.due_date for o in stored(sessions, goal.id).objectives] == [LATER, LATER]


def test_the_parent_can_change_and_the_summary_shows_the_new_one(sessions):
    annual = make_goal(sessions, title="Raise CSAT across the year", due=date(2027, 12, 31))
    goal = make_goal(sessions)

    summary = update(sessions, goal.id, draft(parent_id=annual.id), [o.id for o in goal.objectives])

    assert (summary.parent_id, summary.parent_ref, summary.parent_title) == (
        annual.id,
        annual.ref,
        annual.title,
    )
    assert stored(sessions, goal.id).parent_id == annual.id


@pytest.mark.parametrize("under", ["itself", "its child", "its grandchild"])
def test_a_goal_cannot_move_under_itself_or_its_descendants(sessions, under):
    top = make_goal(sessions, due=date(2027, 12, 31))
    child = make_goal(sessions, parent_id=top.id, due=date(2027, 9, 30))
    grandchild = make_goal(sessions, parent_id=child.id, due=date(2027, 3, 31))
    parent_id = {"itself": top.id, "its child": child.id, "its grandchild": grandchild.id}[under]

    with pytest.raises(ParentIsDescendant) as refused:
        update(sessions, top.id, draft(parent_id=parent_id), [o.id for o in top.objectives])

    assert (refused.value.ref, refused.value.parent_ref, refused.value.field) == (
        top.ref,
        f"G{parent_id}",
        "parent",
    )

    assert load(sessions, Goal, top.id).parent_id is None


def test_another_workspace_goal_is_refused_exactly_like_an_unknown_id(sessions):
    foreign = make_goal(sessions, who=actor(team_id=OTHER_TEAM))  # same owner id, other workspace
    unknown_id = foreign.id + 100

    refusals = []
    for goal_id in (foreign.id, unknown_id):
        with pytest.raises(Exception) as refused:
            update(
                sessions, goal_id, draft(title="Take over their goal now"), who=actor(ADMIN, is_admin=True)
            )
        assert type(refused.value) is GoalNotFound
        refusals.append(refused.value)

    assert [r.ref for r in refusals] == [f"G{foreign.id}", f"G{unknown_id}"]
    assert load(sessions, Goal, foreign.id).title == foreign.title


def test_an_archived_goal_cannot_be_edited(sessions):
    goal = make_goal(sessions)
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)

    with pytest.raises(GoalArchived):
        update(sessions, goal.id, draft(title="Bring the old goal back"), [o.id for o in goal.objectives])
