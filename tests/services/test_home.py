"""home_data: my goals, and this month's main goals of my channels."""

from datetime import UTC, date, datetime

from bot.services import goal_reads, goal_writes
from bot.services.focus import set_focus
from tests.services.factories import (
    CHANNEL,
    NOW,
    OTHER_CHANNEL,
    OTHER_TEAM,
    OWNER,
    TEAM,
    TEAMMATE,
    TODAY,
    actor,
    make_goal,
    measure,
)

THIRD_CHANNEL = "C0BAR"


def focus(sessions, goal_id, channel_id, today=TODAY):
    set_focus(
        sessions,
        team_id=TEAM,
        user_id=OWNER,
        channel_id=channel_id,
        goal_id=goal_id,
        replace=False,
        now=datetime.combine(today, NOW.timetz()),
        today=today,
    )


def home(sessions, user_id, channel_ids, today=TODAY):
    data = goal_reads.home_data(sessions, TEAM, user_id, today=today, channel_ids=channel_ids)
    return [g.id for g in data.my_goals], [g.id for g in data.focus_goals]


def test_my_goals_are_my_active_goals_in_this_workspace(sessions):
    mine_later = make_goal(sessions, due=date(2027, 9, 30))
    mine_sooner = make_goal(sessions, channel_id=None, due=date(2027, 3, 31))
    archived = make_goal(sessions)
    goal_writes.archive_goal(sessions, actor(), archived.id, today=TODAY)
    make_goal(sessions, who=actor(TEAMMATE))
    make_goal(sessions, who=actor(team_id=OTHER_TEAM))

    my_goals, _ = home(sessions, OWNER, set())

    assert my_goals == [mine_sooner.id, mine_later.id]


def test_focus_goals_come_only_from_the_channels_given(sessions):
    shop = make_goal(sessions, channel_id=CHANNEL)
    cafe = make_goal(sessions, channel_id=OTHER_CHANNEL)
    bar = make_goal(sessions, who=actor(TEAMMATE), channel_id=THIRD_CHANNEL)
    for goal, channel in ((shop, CHANNEL), (cafe, OTHER_CHANNEL), (bar, THIRD_CHANNEL)):
        focus(sessions, goal.id, channel)

    my_goals, focus_goals = home(sessions, TEAMMATE, {CHANNEL, THIRD_CHANNEL})

    assert (my_goals, sorted(focus_goals)) == ([bar.id], sorted([shop.id, bar.id]))
    data = goal_reads.home_data(sessions, TEAM, TEAMMATE, today=TODAY, channel_ids={CHANNEL})
    assert [(g.id, g.is_focus) for g in data.focus_goals] == [(shop.id, True)]
    assert home(sessions, TEAMMATE, set())[1] == []


def test_focus_goals_are_this_month_only(sessions):
    goal = make_goal(sessions)
    focus(sessions, goal.id, CHANNEL)

    assert home(sessions, OWNER, {CHANNEL})[1] == [goal.id]
    assert home(sessions, OWNER, {CHANNEL}, today=date(2027, 2, 1))[1] == []


def test_without_channels_it_falls_back_to_the_channels_i_touched(sessions):
    owned_here = make_goal(sessions, channel_id=CHANNEL)  # OWNER owns a goal here
    measured_there = make_goal(sessions, who=actor(TEAMMATE), channel_id=OTHER_CHANNEL)
    untouched = make_goal(sessions, who=actor(TEAMMATE), channel_id=THIRD_CHANNEL)
    measure(sessions, measured_there.objectives[0].id, 80, user_id=OWNER, at=datetime(2027, 1, 5, tzinfo=UTC))
    for goal, channel in ((owned_here, CHANNEL), (measured_there, OTHER_CHANNEL), (untouched, THIRD_CHANNEL)):
        focus(sessions, goal.id, channel)

    _, focus_goals = home(sessions, OWNER, None)

    assert sorted(focus_goals) == sorted([owned_here.id, measured_there.id])
    assert home(sessions, "U0NOBODY", None) == ([], [])
