"""The goal list's page cache never shows a page older than the last write: list, write, list again,
for every way the list's contents change, on one process and across two (two engines, two caches).
"""

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Engine, delete, insert, or_, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalLevel
from bot.services import archiving, breakdown, focus, goal_list, goal_writes, measurement_undo
from bot.services.checkins.read_models import AnswerInput
from bot.services.list_cache import PageCache
from bot.services.read_models import GoalPage
from models.db import make_engine, make_sessionmaker
from models.goals import Goal, Measurement
from tests.services.checkins.helpers import answer, make_channel, plan
from tests.services.factories import (
    CHANNEL,
    NOW,
    OTHER_TEAM,
    TEAM,
    TODAY,
    actor,
    draft,
    make_goal,
    measure,
    row,
)


def as_page(page: GoalPage, _channel_id: str | None) -> GoalPage:
    return page


def listed(
    sessions: sessionmaker[Session], *, team_id: str = TEAM, today: date = TODAY, archived: bool = False
) -> GoalPage:
    return goal_list.rendered_page(sessions, team_id, CHANNEL, today=today, render=as_page, archived=archived)


def titles(page: GoalPage) -> list[str]:
    return [goal.title for goal in page.goals]


def current(page: GoalPage, goal_id: int) -> float:
    (goal,) = [goal for goal in page.goals if goal.id == goal_id]
    return goal.objectives[0].current


@pytest.fixture
def second_worker(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Another gunicorn worker: its own engine, pool, sessionmaker and so its own cache."""
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        yield make_sessionmaker(other)
    finally:
        other.dispose()


def test_an_unchanged_list_is_served_from_the_cache(sessions):
    make_goal(sessions)
    first = listed(sessions)
    assert listed(sessions) is first
    # Another day paces differently: its own entry.
    assert listed(sessions, today=TODAY + timedelta(days=1)) is not first


def test_a_new_goal_shows_at_once(sessions):
    make_goal(sessions, title="Raise CSAT for our regulars")
    assert listed(sessions).total == 1
    make_goal(sessions, title="Cut refund time for online orders")
    assert listed(sessions).total == 2


def test_an_edit_shows_at_once(sessions):
    goal = make_goal(sessions)
    assert titles(listed(sessions)) == ["Raise CSAT for our regulars"]
    edited = draft(row("CSAT", 78, 92), title="Raise CSAT for every customer")
    goal_writes.update_goal(
        sessions, actor(), goal.id, edited, objective_ids=[goal.objectives[0].id], today=TODAY
    )
    page = listed(sessions)
    assert titles(page) == ["Raise CSAT for every customer"] and page.goals[0].objectives[0].target == 92


def test_archive_and_restore_show_at_once(sessions):
    goal = make_goal(sessions)
    assert listed(sessions).total == 1 and listed(sessions, archived=True).total == 0
    archiving.archive_goal(sessions, actor(), goal.id, today=TODAY)
    assert listed(sessions).total == 0 and listed(sessions, archived=True).total == 1
    archiving.restore_goal(sessions, actor(), goal.id, today=TODAY)
    assert listed(sessions).total == 1 and listed(sessions, archived=True).total == 0


def test_focus_shows_at_once(sessions):
    goal = make_goal(sessions)
    assert not listed(sessions).goals[0].is_focus
    focus.set_focus(
        sessions,
        team_id=TEAM,
        user_id="U0WNER",
        channel_id=CHANNEL,
        goal_id=goal.id,
        replace=False,
        now=NOW,
        today=TODAY,
    )
    assert listed(sessions).goals[0].is_focus


def test_a_measurement_and_its_undo_show_at_once(sessions):
    goal = make_goal(sessions)
    assert current(listed(sessions), goal.id) == 78
    recorded = measure(sessions, goal.objectives[0].id, 84)
    assert current(listed(sessions), goal.id) == 84
    measurement_undo.undo_measurement(
        sessions, actor("U0MATE"), recorded.measurement_id, now=NOW, today=TODAY
    )
    assert current(listed(sessions), goal.id) == 78


def test_a_number_in_a_checkin_answer_shows_at_once(sessions):
    nine = datetime(2027, 3, 1, 9, tzinfo=NOW.tzinfo)
    goal = make_goal(sessions)
    make_channel(sessions, {"U1": None, "U2": None, "U3": None})
    plan(sessions, nine - timedelta(hours=2))
    plan(sessions, nine)
    assert current(listed(sessions, today=nine.date()), goal.id) == 78
    answer(sessions, "U1", at=nine, given=AnswerInput(numbers={goal.objectives[0].id: 82}))
    assert current(listed(sessions, today=nine.date()), goal.id) == 82
    answer(
        sessions, "U1", at=nine + timedelta(hours=1), given=AnswerInput(numbers={goal.objectives[0].id: 83})
    )
    assert current(listed(sessions, today=nine.date()), goal.id) == 83


def test_a_break_down_shows_at_once(sessions):
    created = date(2026, 12, 15)
    year = make_goal(sessions, start=date(2027, 1, 1), due=date(2027, 12, 31), today=created)
    assert year.level == GoalLevel.ANNUAL and listed(sessions, today=created).total == 1
    breakdown.break_down(sessions, actor(), year.id, now=NOW, today=created)
    assert listed(sessions, today=created).total == 1 + 4 + 12  # the year, its quarters and months


def test_two_workers_each_see_the_others_writes(sessions, second_worker):
    goal = make_goal(sessions)
    assert current(listed(sessions), goal.id) == 78
    assert current(listed(second_worker), goal.id) == 78
    measure(second_worker, goal.objectives[0].id, 81)  # written through the other worker
    assert current(listed(sessions), goal.id) == 81
    assert current(listed(second_worker), goal.id) == 81
    measure(sessions, goal.objectives[0].id, 88)
    assert current(listed(second_worker), goal.id) == 88
    assert current(listed(sessions), goal.id) == 88


def test_workspaces_never_share_a_page_and_each_keeps_its_own(sessions):
    ours = make_goal(sessions, title="Raise CSAT for our regulars")
    make_goal(sessions, who=actor(team_id=OTHER_TEAM), title="Grow the other shop's sales")
    mine, theirs = listed(sessions), listed(sessions, team_id=OTHER_TEAM)
    assert titles(mine) == ["Raise CSAT for our regulars"]
    assert titles(theirs) == ["Grow the other shop's sales"]
    measure(sessions, ours.objectives[0].id, 80)
    assert listed(sessions, team_id=OTHER_TEAM) is theirs  # a write here leaves their page alone
    assert current(listed(sessions), ours.id) == 80


@pytest.fixture
def two_workspaces(sessions):
    """A goal in each workspace, each workspace's page cached."""
    ours = make_goal(sessions, title="Raise CSAT for our regulars")
    theirs = make_goal(sessions, who=actor(team_id=OTHER_TEAM), title="Grow the other shop's sales")
    return ours, theirs, listed(sessions), listed(sessions, team_id=OTHER_TEAM)


def test_a_bulk_update_in_one_workspace_leaves_anothers_cached_page_valid(sessions, two_workspaces):
    ours, _, _, their_page = two_workspaces
    with sessions.begin() as session:
        session.execute(
            update(Goal).where(Goal.team_id == TEAM, Goal.id == ours.id).values(title="Renamed in bulk")
        )
    assert titles(listed(sessions)) == ["Renamed in bulk"]
    assert listed(sessions, team_id=OTHER_TEAM) is their_page


def test_a_bulk_delete_and_insert_naming_their_workspace_leave_anothers_page_valid(sessions, two_workspaces):
    ours, _, _, their_page = two_workspaces
    objective_id = ours.objectives[0].id
    with sessions.begin() as session:
        session.execute(
            insert(Measurement).values(
                team_id=TEAM, objective_id=objective_id, value=81, recorded_at=NOW, recorded_on=TODAY
            )
        )
    assert current(listed(sessions), ours.id) == 81
    assert listed(sessions, team_id=OTHER_TEAM) is their_page
    with sessions.begin() as session:
        session.execute(
            delete(Measurement).where(
                Measurement.team_id.in_([TEAM]), Measurement.objective_id == objective_id
            )
        )
    assert current(listed(sessions), ours.id) != 81
    assert listed(sessions, team_id=OTHER_TEAM) is their_page


@pytest.mark.parametrize(
    "which",
    ["by id only", "team under an OR", "moved to the other team", "moved by a parameter"],
)
def test_a_bulk_write_that_does_not_say_its_workspaces_invalidates_every_workspace(
    sessions, two_workspaces, which
):
    ours, _, _, their_page = two_workspaces
    statement = {
        "by id only": update(Goal).where(Goal.id == ours.id).values(title="Renamed in bulk"),
        "team under an OR": update(Goal)
        .where(or_(Goal.team_id == TEAM, Goal.id == ours.id))
        .values(title="Renamed in bulk"),
        "moved to the other team": update(Goal)
        .where(Goal.team_id == TEAM, Goal.id == ours.id)
        .values(team_id=OTHER_TEAM, title="Renamed in bulk"),
        "moved by a parameter": update(Goal)
        .where(Goal.team_id == TEAM, Goal.id == ours.id)
        .values(title="Renamed in bulk"),
    }[which]
    moving = {"team_id": OTHER_TEAM} if which == "moved by a parameter" else {}
    with sessions.begin() as session:
        session.execute(statement, moving)
    assert listed(sessions, team_id=OTHER_TEAM) is not their_page
    if which.startswith("moved"):
        moved = sorted(titles(listed(sessions, team_id=OTHER_TEAM)))
        assert moved == ["Grow the other shop's sales", "Renamed in bulk"]
    else:
        assert titles(listed(sessions)) == ["Renamed in bulk"]


def test_a_rolled_back_savepoint_keeps_what_its_transaction_wrote_before_it(sessions):
    goal = make_goal(sessions)
    assert titles(listed(sessions)) == ["Raise CSAT for our regulars"]
    with sessions.begin() as session:
        session.get_one(Goal, goal.id).title = "Renamed before the savepoint"
        session.flush()
        savepoint = session.begin_nested()
        session.get_one(Goal, goal.id).why = "because of a change that is taken back"
        session.flush()
        savepoint.rollback()
    assert titles(listed(sessions)) == ["Renamed before the savepoint"]


def test_a_write_in_a_released_savepoint_counts_once_its_transaction_commits(sessions, second_worker):
    goal = make_goal(sessions)
    assert titles(listed(second_worker)) == ["Raise CSAT for our regulars"]
    with sessions.begin() as session:
        with session.begin_nested():
            session.get_one(Goal, goal.id).title = "Renamed in a savepoint"
        assert titles(listed(second_worker)) == ["Raise CSAT for our regulars"]  # not committed yet
    assert titles(listed(second_worker)) == ["Renamed in a savepoint"]


def test_a_rolled_back_write_leaves_the_cached_page_in_use(sessions):
    goal = make_goal(sessions)
    first = listed(sessions)
    with sessions() as session:
        session.get_one(Goal, goal.id).title = "Never committed"
        session.flush()
        session.rollback()
    assert listed(sessions) is first


def test_the_cache_keeps_the_most_recently_used_pages_and_never_an_older_version(engine):
    cache = PageCache(engine, size=2)
    cache.put("a", 1, "page a")
    cache.put("b", 1, "page b")
    assert cache.get("a", 1) == (True, "page a")  # "a" is now the most recent
    cache.put("c", 1, "page c")
    assert (cache.get("b", 1), len(cache)) == ((False, None), 2)
    assert cache.get("a", 2) == (False, None)  # another version: not this page
    cache.put("a", 3, "page a, v3")
    cache.put("a", 2, "page a, v2")  # read before the v3 one, stored after it
    assert cache.get("a", 3) == (True, "page a, v3")
