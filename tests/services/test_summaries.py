"""Roll-up of objectives into a goal's pace and progress, as the read services report it."""

from datetime import UTC, date, datetime

import pytest

from bot.domain.enums import PaceStatus
from bot.services import goal_list, goal_reads
from tests.services.factories import CHANNEL, TEAM, make_goal, measure, row

START = date(2027, 1, 1)
END = date(2027, 12, 31)
MIDYEAR = date(2027, 7, 2)  # 182 of 364 days: linear pacing expects half the way


def at(day: int, month: int = 6, hour: int = 12) -> datetime:
    return datetime(2027, month, day, hour, tzinfo=UTC)


@pytest.fixture
def goal_id(sessions) -> int:
    goal = make_goal(
        sessions,
        row("CSAT", 78, 90),
        row("Wait time", 10, 4, "min"),
        row("NPS", 30, 45, None),
        start=START,
        due=END,
        today=START,
    )
    csat, wait, _nps = (o.id for o in goal.objectives)
    measure(sessions, csat, 80, at=at(1, month=3))
    measure(sessions, csat, 85, at=at(30))  # 7 of 12 points: ahead of the line
    measure(sessions, wait, 9.5, at=at(30))  # 0.5 of 6 minutes: far behind
    return goal.id


def test_one_objective_off_track_makes_the_goal_off_track(sessions, goal_id):
    summary = goal_reads.goal_summary(sessions, TEAM, goal_id, today=MIDYEAR)

    csat, wait, _ = summary.objectives
    assert csat.expected == pytest.approx(0.5)
    assert (csat.status, wait.status) == (PaceStatus.ON_TRACK, PaceStatus.OFF_TRACK)
    assert summary.pace is PaceStatus.OFF_TRACK


def test_progress_is_the_mean_of_the_measured_objectives(sessions, goal_id):
    summary = goal_reads.goal_summary(sessions, TEAM, goal_id, today=MIDYEAR)

    csat, wait, _ = summary.objectives
    assert csat.progress == pytest.approx(7 / 12)
    assert wait.progress == pytest.approx(0.5 / 6)
    assert summary.progress == pytest.approx((7 / 12 + 0.5 / 6) / 2)


def test_an_unmeasured_objective_has_no_data_and_does_not_drag_the_goal(sessions, goal_id):
    summary = goal_reads.goal_summary(sessions, TEAM, goal_id, today=MIDYEAR)

    nps = summary.objectives[2]
    assert (nps.progress, nps.status, nps.current) == (None, PaceStatus.NO_DATA, 30)
    assert (nps.measurement_count, nps.last_measured_at) == (0, None)
    assert summary.progress == pytest.approx((7 / 12 + 0.5 / 6) / 2)


def test_current_is_the_latest_measurement_by_time_not_by_insertion(sessions, goal_id):
    csat_id = goal_reads.goal_summary(sessions, TEAM, goal_id, today=MIDYEAR).objectives[0].id

    recorded = measure(sessions, csat_id, 79, at=at(15, month=4))  # a late entry for April, recorded last

    csat = goal_reads.goal_summary(sessions, TEAM, goal_id, today=MIDYEAR).objectives[0]
    assert (csat.current, csat.measurement_count, csat.last_measured_at) == (85, 3, at(30))
    assert (recorded.objective.current, recorded.objective.last_measured_at) == (85, at(30))


def test_a_goal_with_nothing_measured_has_no_data(sessions):
    goal = make_goal(sessions, row("CSAT", 78, 90), start=START, due=END, today=START)

    summary = goal_reads.goal_summary(sessions, TEAM, goal.id, today=MIDYEAR)

    assert (summary.pace, summary.progress) == (PaceStatus.NO_DATA, None)


def test_channel_goals_carry_the_same_roll_up(sessions, goal_id):
    listed = goal_list.goal_page(sessions, TEAM, CHANNEL, today=MIDYEAR).goals

    assert [(g.id, g.pace) for g in listed] == [(goal_id, PaceStatus.OFF_TRACK)]
    assert listed[0].progress == pytest.approx((7 / 12 + 0.5 / 6) / 2)
