"""set_focus: one main goal per channel per month; replacing one needs confirmation."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.services import goal_list, goal_writes
from bot.services.errors import FocusNeedsChannel, GoalArchived, GoalInOtherChannel, GoalNotFound
from bot.services.focus import set_focus
from models.goals import MonthlyFocus
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
)

JANUARY = date(2027, 1, 1)


def focus(sessions, goal_id, *, replace=False, user_id=OWNER, channel_id=CHANNEL, team_id=TEAM, now=NOW):
    return set_focus(
        sessions,
        team_id=team_id,
        user_id=user_id,
        channel_id=channel_id,
        goal_id=goal_id,
        replace=replace,
        now=now,
        today=now.date(),
    )


def focus_rows(sessions):
    with sessions() as session:
        rows = session.scalars(select(MonthlyFocus).order_by(MonthlyFocus.month, MonthlyFocus.channel_id))
        return [(f.channel_id, f.month, f.goal_id, f.set_by, f.set_at) for f in rows]


def focused_in_channel(sessions, today=TODAY):
    return [g.id for g in goal_list.goal_page(sessions, TEAM, CHANNEL, today=today).goals if g.is_focus]


def test_the_first_focus_of_the_month_is_set(sessions):
    goal = make_goal(sessions)

    outcome = focus(sessions, goal.id)

    assert (outcome.month, outcome.needs_confirmation_over, outcome.goal.is_focus) == (JANUARY, None, True)
    assert focus_rows(sessions) == [(CHANNEL, JANUARY, goal.id, OWNER, NOW)]
    assert focused_in_channel(sessions) == [goal.id]


def test_a_second_goal_asks_for_confirmation_and_changes_nothing(sessions):
    first, second = make_goal(sessions), make_goal(sessions)
    focus(sessions, first.id)

    outcome = focus(sessions, second.id, user_id=TEAMMATE)

    assert outcome.needs_confirmation_over is not None
    assert (outcome.needs_confirmation_over.id, outcome.needs_confirmation_over.is_focus) == (first.id, True)
    assert (outcome.goal.id, outcome.goal.is_focus) == (second.id, False)
    assert focus_rows(sessions) == [(CHANNEL, JANUARY, first.id, OWNER, NOW)]


def test_replace_swaps_the_month_focus(sessions):
    first, second = make_goal(sessions), make_goal(sessions)
    focus(sessions, first.id)
    later = datetime(2027, 1, 20, 15, tzinfo=UTC)

    outcome = focus(sessions, second.id, replace=True, user_id=TEAMMATE, now=later)

    assert (outcome.needs_confirmation_over, outcome.goal.is_focus) == (None, True)
    assert focus_rows(sessions) == [(CHANNEL, JANUARY, second.id, TEAMMATE, later)]
    assert focused_in_channel(sessions) == [second.id]


def test_focusing_the_same_goal_again_changes_nothing(sessions):
    goal = make_goal(sessions)
    focus(sessions, goal.id)

    outcome = focus(sessions, goal.id, user_id=TEAMMATE, now=datetime(2027, 1, 9, tzinfo=UTC))

    assert (outcome.needs_confirmation_over, outcome.goal.is_focus) == (None, True)
    assert focus_rows(sessions) == [(CHANNEL, JANUARY, goal.id, OWNER, NOW)]


def test_the_last_and_first_day_of_a_month_belong_to_different_months(sessions):
    created = date(2026, 11, 2)
    november = make_goal(sessions, today=created, due=date(2027, 3, 31))
    december = make_goal(sessions, today=created, due=date(2027, 3, 31))
    last_of_nov = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
    first_of_dec = datetime(2026, 12, 1, 0, 1, tzinfo=UTC)

    focus(sessions, november.id, now=last_of_nov)
    outcome = focus(sessions, december.id, now=first_of_dec)

    assert (outcome.month, outcome.needs_confirmation_over) == (date(2026, 12, 1), None)
    assert focus_rows(sessions) == [
        (CHANNEL, date(2026, 11, 1), november.id, OWNER, last_of_nov),
        (CHANNEL, date(2026, 12, 1), december.id, OWNER, first_of_dec),
    ]
    assert focused_in_channel(sessions, today=date(2026, 11, 30)) == [november.id]
    assert focused_in_channel(sessions, today=date(2026, 12, 1)) == [december.id]


def test_each_channel_has_its_own_focus(sessions):
    first, second = make_goal(sessions), make_goal(sessions, channel_id=OTHER_CHANNEL)
    focus(sessions, first.id)

    outcome = focus(sessions, second.id, channel_id=OTHER_CHANNEL)

    assert outcome.needs_confirmation_over is None
    assert [(c, g) for c, _, g, *_ in focus_rows(sessions)] == [
        (OTHER_CHANNEL, second.id),
        (CHANNEL, first.id),
    ]


@pytest.mark.parametrize("channel_id", [None, ""])
def test_without_a_channel_there_is_nothing_to_focus(sessions, channel_id):
    goal = make_goal(sessions)

    with pytest.raises(FocusNeedsChannel):
        focus(sessions, goal.id, channel_id=channel_id)
    assert focus_rows(sessions) == []


def test_unknown_and_other_workspace_goals_are_not_found_and_archived_ones_say_so(sessions):
    foreign = make_goal(sessions, who=actor(team_id=OTHER_TEAM))
    archived = make_goal(sessions)
    goal_writes.archive_goal(sessions, actor(), archived.id, today=TODAY)

    for goal_id in (foreign.id, foreign.id + 100):
        with pytest.raises(GoalNotFound) as refused:
            focus(sessions, goal_id)
        assert refused.value.ref == f"G{goal_id}"
    with pytest.raises(GoalArchived) as archived_refusal:
        focus(sessions, archived.id)
    assert archived_refusal.value.goal_ref == f"G{archived.id}"
    assert focus_rows(sessions) == []


def test_a_channel_cannot_take_another_channels_goal_as_its_main_goal(sessions):
    goal = make_goal(sessions, channel_id=OTHER_CHANNEL)

    with pytest.raises(GoalInOtherChannel) as refused:
        focus(sessions, goal.id, channel_id=CHANNEL)
    assert (refused.value.ref, refused.value.channel_id) == (f"G{goal.id}", OTHER_CHANNEL)
    assert focus_rows(sessions) == []
