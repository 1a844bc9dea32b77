"""prompt_contents.objectives_of_schedules for several schedules of two workspaces in one call: a
schedule naming objectives gets those, in its own order, only of its own workspace and of active
goals; a schedule naming none gets its channel's active goals' objectives by goal due date, goal
id, objective id, never another workspace's goals on a channel with the same id, never an
archived goal's. ObjectiveCache.read_ahead then for_schedule reads no objectives again and gives
what summarize_for gives."""

from datetime import date, time

import pytest
from sqlalchemy import event

from bot.services import goal_writes
from bot.services.checkins.prompt_contents import ObjectiveCache, objectives_of_schedules, summarize_for
from models.checkins import Schedule
from tests.services.factories import (
    CHANNEL,
    NOW,
    OTHER_CHANNEL,
    OTHER_TEAM,
    TEAM,
    TODAY,
    actor,
    make_goal,
    row,
)


def ids(goal) -> list[int]:
    return [o.id for o in goal.objectives]


def schedule(session, team_id: str, channel_id: str, objective_ids=()) -> Schedule:
    made = Schedule(
        team_id=team_id,
        channel_id=channel_id,
        owner_id="U0WNER",
        audience_id=channel_id,
        weekdays="mon",
        local_time=time(9),
        objective_ids=list(objective_ids),
        created_at=NOW,
        starts_at=NOW,
    )
    session.add(made)
    session.flush()
    return made


@pytest.fixture
def goals(sessions):
    """On TEAM's CHANNEL: goals due in September (two objectives), May, May again (a later id)
    and April (archived); on TEAM's OTHER_CHANNEL one goal; on OTHER_TEAM's CHANNEL one goal."""
    made = {
        "sep": make_goal(
            sessions,
            row("B"),
            row("A"),
            title="Raise CSAT for our regulars by September",
            due=date(2027, 9, 30),
        ),
        "may": make_goal(
            sessions, row("C"), title="Raise repeat visits for our regulars by May", due=date(2027, 5, 31)
        ),
        "may_too": make_goal(
            sessions,
            row("D"),
            row("E"),
            title="Raise basket size for our regulars by May",
            due=date(2027, 5, 31),
        ),
        "archived": make_goal(
            sessions, row("F"), title="Raise reviews for our regulars by April", due=date(2027, 4, 1)
        ),
        "cafe": make_goal(
            sessions, row("G"), title="Raise cafe sales for our regulars", channel_id=OTHER_CHANNEL
        ),
        "other": make_goal(
            sessions, row("H"), title="Raise CSAT for the other shop regulars", who=actor(team_id=OTHER_TEAM)
        ),
    }
    goal_writes.archive_goal(sessions, actor(), made["archived"].id, today=TODAY)
    return made


def test_several_schedules_of_two_workspaces_get_their_own_objectives_in_one_call(sessions, goals):
    sep, cafe, archived, other = (
        ids(goals["sep"]),
        ids(goals["cafe"]),
        ids(goals["archived"]),
        ids(goals["other"]),
    )
    with sessions.begin() as session:
        shop = schedule(session, TEAM, CHANNEL)
        elsewhere = schedule(session, OTHER_TEAM, CHANNEL)
        named = schedule(
            session, TEAM, OTHER_CHANNEL, [sep[1], cafe[0], archived[0], other[0], 999_999, sep[0]]
        )
        other_named = schedule(session, OTHER_TEAM, OTHER_CHANNEL, [other[0], sep[0]])
        found = objectives_of_schedules(session, [shop, elsewhere, named, other_named])
        got = {schedule_id: [o.id for o in objectives] for schedule_id, objectives in found.items()}
    assert got == {
        # By goal due date (May before September), then goal id (both May goals), then objective id.
        shop.id: ids(goals["may"]) + ids(goals["may_too"]) + sep,
        elsewhere.id: other,
        # Its own order; not the archived goal's, not the other workspace's, not a missing one.
        named.id: [sep[1], cafe[0], sep[0]],
        other_named.id: other,
    }


def test_no_schedules_give_nothing(sessions):
    with sessions() as session:
        assert objectives_of_schedules(session, []) == {}


def test_read_ahead_then_for_schedule_reads_no_objectives_again_and_summarizes_as_summarize_for(
    sessions, engine, goals
):
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with sessions.begin() as session:
        schedules = [
            schedule(session, TEAM, CHANNEL),
            schedule(session, OTHER_TEAM, CHANNEL),
            schedule(session, TEAM, OTHER_CHANNEL, [ids(goals["cafe"])[0], ids(goals["sep"])[0]]),
        ]
        cache = ObjectiveCache(session)
        cache.read_ahead(schedules)
        event.listen(engine, "before_cursor_execute", record)
        try:
            cached = [cache.for_schedule(s, TODAY) for s in schedules]
        finally:
            event.remove(engine, "before_cursor_execute", record)
        objective_reads = [s for s in statements if s.lstrip().upper().startswith("SELECT OBJECTIVES.")]
        assert objective_reads == []
        assert statements, "the listener saw the measurement reads, so it was listening"
        assert cached == [summarize_for(session, s, TODAY) for s in schedules]
    assert [[o.id for o in summaries] for summaries in cached] == [
        ids(goals["may"]) + ids(goals["may_too"]) + ids(goals["sep"]),
        ids(goals["other"]),
        [ids(goals["cafe"])[0], ids(goals["sep"])[0]],
    ]
