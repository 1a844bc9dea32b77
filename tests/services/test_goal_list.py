"""`/goals list` pages: what each page holds, and that a page costs the same queries however long."""

from datetime import date, timedelta

from bot.services import goal_list, goal_reads, goal_writes
from tests.services.factories import (
    CHANNEL,
    NOW,
    OTHER_CHANNEL,
    OTHER_TEAM,
    TEAM,
    TODAY,
    actor,
    make_goal,
    measure,
    row,
)
from tests.sql_seen import statements_on


def make_goals(sessions, n: int, **fields) -> list[int]:
    """n goals due one day apart, so the list's order is their creation order."""
    return [make_goal(sessions, due=date(2027, 3, 1) + timedelta(days=i), **fields).id for i in range(n)]


def test_pages_split_the_channel_soonest_due_first_and_count_them_all(sessions):
    ids = make_goals(sessions, 7)
    make_goal(sessions, channel_id=OTHER_CHANNEL)
    make_goal(sessions, who=actor(team_id=OTHER_TEAM))

    first = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY, page_size=3)
    last = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY, page=3, page_size=3)

    assert [g.id for g in first.goals] == ids[:3]
    assert (first.total, first.pages, first.has_next, first.has_previous) == (7, 3, True, False)
    assert [g.id for g in last.goals] == ids[6:]
    assert (last.first_shown, last.has_next, last.has_previous) == (7, False, True)


def test_a_page_past_the_end_is_empty_but_still_counts(sessions):
    make_goals(sessions, 2)

    page = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY, page=5, page_size=3)

    assert (page.goals, page.total, page.pages, page.first_shown) == ((), 2, 1, 0)


def test_archived_goals_are_listed_apart(sessions):
    kept, gone = make_goals(sessions, 2)
    goal_writes.archive_goal(sessions, actor(), gone, today=TODAY)

    active = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY)
    archived = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY, archived=True)

    assert [g.id for g in active.goals] == [kept]
    assert [g.id for g in archived.goals] == [gone]
    assert (archived.total, archived.archived) == (1, True)


def test_listed_goals_read_as_their_trees_do(sessions):
    parent = make_goal(sessions, title="Make the shop a place people come back to")
    child = make_goal(sessions, row("CSAT", 78, 90), row("Wait", 10, 4, "min"), parent_id=parent.id)
    csat, wait = (o.id for o in child.objectives)
    measure(sessions, csat, 80, at=NOW)
    measure(sessions, csat, 84, at=NOW)  # same second: the later row is the latest
    measure(sessions, wait, 9, at=NOW - timedelta(days=1))

    listed = {g.id: g for g in goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY).goals}

    for goal_id in (parent.id, child.id):
        assert listed[goal_id] == goal_reads.goal_summary(sessions, TEAM, goal_id, today=TODAY)
    assert listed[child.id].objectives[0].current == 84


def test_a_page_costs_the_same_queries_for_one_goal_or_ten(sessions, engine):
    make_goals(sessions, 1)
    with statements_on(engine) as one:
        goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY)
    for goal_id in make_goals(sessions, 9):
        objective_id = goal_reads.goal_summary(sessions, TEAM, goal_id, today=TODAY).objectives[0].id
        measure(sessions, objective_id, 80)

    with statements_on(engine) as ten:
        page = goal_list.goal_page(sessions, TEAM, CHANNEL, today=TODAY)

    assert len(page.goals) == 10
    assert len(ten) == len(one)
