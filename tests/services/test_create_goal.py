"""create_goal: a SMART draft is stored whole; anything else stores nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.domain.enums import Direction, GoalLevel, GoalStatus, SmartPart
from bot.services import goal_writes
from bot.services.errors import DueAfterParent, GoalArchived, ParentNotFound, SmartIncomplete
from handlers.views.refusals import describe_refusal
from models.goals import Goal, Objective
from tests.services.factories import (
    BLANK_ROW,
    CHANNEL,
    NOW,
    OTHER_TEAM,
    OWNER,
    TEAM,
    TODAY,
    actor,
    count,
    draft,
    make_goal,
    row,
)


def test_stores_a_smart_draft_with_its_objectives(sessions):
    summary = make_goal(sessions, row("CSAT", 78, 90, " % "), row("  Average wait time ", 12, 5, "min"))

    with sessions() as session:
        goal = session.scalars(select(Goal)).one()
        objectives = goal.objectives
        assert (goal.id, goal.team_id, goal.owner_id, goal.channel_id) == (summary.id, TEAM, OWNER, CHANNEL)
        assert (goal.title, goal.why) == (
            "Raise CSAT for our regulars",
            "because regulars bring most of our revenue",
        )
        assert (goal.start_date, goal.due_date, goal.created_at) == (TODAY, date(2027, 6, 30), NOW)
        assert goal.status is GoalStatus.ACTIVE
        assert goal.level is GoalLevel.ANNUAL  # 177 days from start to due
        stored = [(o.metric, o.unit, o.baseline, o.target, o.direction, o.due_date) for o in objectives]
    assert stored == [
        ("CSAT", "%", 78, 90, Direction.UP, date(2027, 6, 30)),
        ("Average wait time", "min", 12, 5, Direction.DOWN, date(2027, 6, 30)),
    ]
    assert [o.id for o in summary.objectives] == [o.id for o in objectives]
    assert summary.ref == f"G{summary.id}"


def test_level_follows_the_span_unless_the_draft_names_it(sessions):
    monthly = make_goal(sessions, start=date(2027, 2, 1), due=date(2027, 2, 28))
    quarterly = make_goal(sessions, start=date(2027, 2, 1), due=date(2027, 4, 30))
    named = make_goal(sessions, start=date(2027, 2, 1), due=date(2027, 2, 28), level=GoalLevel.QUARTERLY)

    assert [g.level for g in (monthly, quarterly, named)] == [
        GoalLevel.MONTHLY,
        GoalLevel.QUARTERLY,
        GoalLevel.QUARTERLY,
    ]
    assert monthly.start_date == date(2027, 2, 1)


def test_blank_objective_rows_are_skipped(sessions):
    summary = make_goal(sessions, row("CSAT"), BLANK_ROW, row("   ", None, None, None), row("NPS", 30, 45))

    assert [o.metric for o in summary.objectives] == ["CSAT", "NPS"]
    assert count(sessions, Objective) == 2


@pytest.mark.parametrize(
    ("bad_draft", "part"),
    [
        (draft(title="Improve"), SmartPart.SPECIFIC),
        (draft(BLANK_ROW), SmartPart.MEASURABLE),
        (draft(row("CSAT", 78, None)), SmartPart.MEASURABLE),
        (draft(row("CSAT"), row(None, 3, 5)), SmartPart.MEASURABLE),
        (draft(why=" "), SmartPart.RELEVANT),
        (draft(due=date(2027, 1, 3)), SmartPart.TIME_BOUND),
    ],
    ids=["vague-title", "no-metric", "no-target", "numbers-without-metric", "no-why", "due-passed"],
)
def test_a_draft_that_is_not_smart_is_refused_and_nothing_is_stored(sessions, bad_draft, part):
    with pytest.raises(SmartIncomplete) as refused:
        goal_writes.create_goal(sessions, actor(), bad_draft, channel_id=CHANNEL, now=NOW, today=TODAY)

    assert part in {p.part for p in refused.value.problems}
    assert describe_refusal(refused.value).startswith("The goal is not SMART yet: ")
    assert (count(sessions, Goal), count(sessions, Objective)) == (0, 0)


def test_a_parent_links_the_goal_and_counts_as_its_why(sessions):
    parent = make_goal(sessions, due=date(2027, 12, 31))

    child = make_goal(sessions, parent_id=parent.id, why=None, due=date(2027, 3, 31))

    assert (child.parent_id, child.parent_ref, child.parent_title) == (parent.id, parent.ref, parent.title)
    assert child.why is None


def test_unknown_and_other_workspace_parents_are_refused_alike_and_nothing_is_stored(sessions):
    foreign = make_goal(sessions, who=actor(team_id=OTHER_TEAM), channel_id="C0THERS")
    unknown_id = foreign.id + 100
    before = (count(sessions, Goal), count(sessions, Objective))

    refusals = []
    for parent_id in (foreign.id, unknown_id):
        with pytest.raises(ParentNotFound) as refused:
            goal_writes.create_goal(
                sessions, actor(), draft(parent_id=parent_id), channel_id=CHANNEL, now=NOW, today=TODAY
            )
        refusals.append((refused.value.ref, refused.value.field))

    assert refusals == [(f"G{foreign.id}", "parent"), (f"G{unknown_id}", "parent")]
    assert (count(sessions, Goal), count(sessions, Objective)) == before


def test_an_archived_parent_is_refused_under_the_parent_field(sessions):
    parent = make_goal(sessions, due=date(2027, 12, 31))
    goal_writes.archive_goal(sessions, actor(), parent.id, today=TODAY)

    with pytest.raises(GoalArchived) as refused:
        make_goal(sessions, parent_id=parent.id)
    assert refused.value.field == "parent"
    assert count(sessions, Goal) == 1


def test_a_goal_due_after_its_parent_is_refused_naming_the_parents_due_date(sessions):
    parent = make_goal(sessions, due=date(2027, 3, 31))

    with pytest.raises(DueAfterParent) as refused:
        make_goal(sessions, parent_id=parent.id, due=date(2027, 4, 1))

    assert (refused.value.parent_due, refused.value.field) == (date(2027, 3, 31), "due_date")
    assert count(sessions, Goal) == 1
    make_goal(sessions, parent_id=parent.id, due=date(2027, 3, 31))
