from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.enums import Direction, PaceStatus
from bot.domain.pacing import (
    AT_RISK_MAX_GAP,
    ON_TRACK_MAX_GAP,
    expected_progress,
    is_implausible,
    mean_progress,
    pace_status,
    progress,
    weakest,
)

START = date(2027, 1, 1)
DUE = date(2027, 3, 31)
MID = date(2027, 2, 14)


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (78, 85, 78, 0.0),
        (78, 85, 85, 1.0),
        (78, 88, 83, 0.5),
        (78, 85, 92, 2.0),
        (78, 85, 71, -1.0),
        (5, 3, 4, 0.5),  # reducing churn from 5 to 3: at 4 it is halfway
        (5, 3, 3, 1.0),
        (5, 3, 6, -0.5),
        (5, 3, 2, 1.5),
    ],
)
def test_progress_in_both_directions(baseline, target, current, expected):
    assert progress(baseline, target, current) == pytest.approx(expected)


def test_progress_when_target_equals_baseline():
    assert progress(80, 80, 80) == 1.0
    assert progress(80, 80, 81) == 1.0
    assert progress(80, 80, 79) == 0.0
    assert progress(2, 2, 1.5, direction=Direction.DOWN) == 1.0
    assert progress(2, 2, 2.5, direction=Direction.DOWN) == 0.0


def test_expected_progress_is_linear_and_clamped():
    assert expected_progress(START, DUE, START) == 0.0
    assert expected_progress(START, DUE, DUE) == 1.0
    assert expected_progress(START, DUE, START + timedelta(days=45)) == pytest.approx(45 / 89)
    assert expected_progress(START, DUE, START - timedelta(days=10)) == 0.0
    assert expected_progress(START, DUE, DUE + timedelta(days=10)) == 1.0
    assert expected_progress(START, START, START) == 1.0
    assert expected_progress(DUE, START, MID) == 1.0


def test_leap_day_counts_in_expected_progress():
    assert expected_progress(date(2028, 2, 1), date(2028, 3, 1), date(2028, 2, 15)) == pytest.approx(14 / 29)


@pytest.mark.parametrize(
    ("actual", "expected", "status"),
    [
        (None, 0.5, PaceStatus.NO_DATA),
        (1.0, 0.5, PaceStatus.ACHIEVED),
        (1.3, 1.0, PaceStatus.ACHIEVED),
        (0.5, 0.5, PaceStatus.ON_TRACK),
        (0.9, 0.5, PaceStatus.ON_TRACK),
        (0.5 - ON_TRACK_MAX_GAP, 0.5, PaceStatus.ON_TRACK),
        (0.39, 0.5, PaceStatus.AT_RISK),
        (0.5 - AT_RISK_MAX_GAP, 0.5, PaceStatus.AT_RISK),
        (0.24, 0.5, PaceStatus.OFF_TRACK),
        (-0.3, 0.0, PaceStatus.OFF_TRACK),  # lost ground before the line even started
    ],
)
def test_pace_status_before_the_due_date(actual, expected, status):
    assert pace_status(actual, expected, today=MID, due=DUE) is status


def test_pace_status_after_the_due_date():
    after = DUE + timedelta(days=1)
    assert pace_status(0.95, 1.0, today=after, due=DUE) is PaceStatus.OFF_TRACK
    assert pace_status(1.0, 1.0, today=after, due=DUE) is PaceStatus.ACHIEVED
    assert pace_status(None, 1.0, today=after, due=DUE) is PaceStatus.NO_DATA
    assert pace_status(0.95, 1.0, today=DUE, due=DUE) is PaceStatus.ON_TRACK


def test_weakest():
    assert weakest([]) is PaceStatus.NO_DATA
    assert weakest([PaceStatus.NO_DATA, PaceStatus.ON_TRACK]) is PaceStatus.ON_TRACK
    assert weakest([PaceStatus.ON_TRACK, PaceStatus.AT_RISK]) is PaceStatus.AT_RISK
    assert (
        weakest(iter([PaceStatus.AT_RISK, PaceStatus.OFF_TRACK, PaceStatus.NO_DATA])) is PaceStatus.OFF_TRACK
    )


def test_a_goal_is_achieved_only_when_every_objective_is():
    achieved = PaceStatus.ACHIEVED
    assert weakest([achieved, achieved]) is achieved
    assert weakest([achieved, PaceStatus.NO_DATA]) is PaceStatus.ON_TRACK
    assert weakest([achieved, PaceStatus.ON_TRACK]) is PaceStatus.ON_TRACK
    assert weakest([achieved, PaceStatus.AT_RISK]) is PaceStatus.AT_RISK


@pytest.mark.parametrize(
    ("baseline", "target", "value", "implausible"),
    [
        (78, 85, 80, False),
        (78, 85, 90, False),
        (78, 85, 60, False),
        (78, 85, -5, True),
        (78, 85, 1e29, True),
        (78, 85, 0, True),
        (12, 5, 30, False),  # a bad week for wait time is still a wait time
        (12, 5, 200, True),
        (900, 1200, 500, False),
        (0, 10, 0, False),
        (0, 10, -1, True),
        (80, 80, 90, False),
        (-10, -2, 3, True),
        (78, 85, float("nan"), True),
    ],
)
def test_is_implausible(baseline, target, value, implausible):
    assert is_implausible(baseline, target, value) is implausible


@given(st.floats(-1e12, 1e12), st.floats(-1e12, 1e12))
def test_baseline_and_target_are_always_plausible(baseline, target):
    assert not is_implausible(baseline, target, baseline)
    assert not is_implausible(baseline, target, target)


def test_mean_progress_ignores_missing():
    assert mean_progress([]) is None
    assert mean_progress([None, None]) is None
    assert mean_progress([0.5, None, 1.0]) == pytest.approx(0.75)
    assert mean_progress(iter([-0.5, 0.5])) == 0.0


@given(st.lists(st.sampled_from(list(PaceStatus))))
def test_weakest_outranks_or_equals_every_status(statuses):
    worst = weakest(statuses)
    assert all(worst.rank >= status.rank for status in statuses)


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_progress_hits_zero_at_baseline_and_one_at_target(baseline, target, current):
    if baseline != target:
        assert progress(baseline, target, baseline) == 0.0
        assert progress(baseline, target, target) == pytest.approx(1.0)
    assert isinstance(progress(baseline, target, current), float)


@given(st.dates(), st.dates(), st.dates())
def test_expected_progress_stays_in_range(start, due, today):
    assert 0.0 <= expected_progress(start, due, today) <= 1.0


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True) | st.none()))
def test_mean_progress_never_fails(values):
    mean = mean_progress(values)
    assert mean is None or isinstance(mean, float)
