"""record_measurement: what gets stored (value, author, time, note), and the values and notes it
refuses or asks about before storing anything."""

import pytest

from bot.domain.numbers import MAX_MEASUREMENT
from bot.services import measurements
from bot.services.errors import MeasurementOutOfRange, TextTooLong
from bot.services.measurements import MAX_NOTE, NeedsConfirmation
from models.goals import Measurement
from tests.services.factories import (
    NOW,
    TEAM,
    TEAMMATE,
    TODAY,
    count,
    make_goal,
    measure,
)
from tests.services.measurement_helpers import LATER, stored_measurements


def test_by_id_stores_the_value_and_reports_the_previous_one(sessions):
    goal = make_goal(sessions)
    csat = goal.objectives[0].id

    first = measure(sessions, csat, 81)
    second = measure(sessions, csat, 83.5, at=LATER)

    assert (first.previous, first.objective.current, first.objective.measurement_count) == (78, 81, 1)
    assert (second.previous, second.objective.current, second.objective.last_measured_at) == (81, 83.5, LATER)
    assert (second.goal_ref, second.goal_title) == (goal.ref, goal.title)
    assert stored_measurements(sessions) == [
        (csat, 81, TEAMMATE, NOW, None),
        (csat, 83.5, TEAMMATE, LATER, None),
    ]


def test_the_note_is_trimmed_and_blank_means_none(sessions):
    csat = make_goal(sessions).objectives[0].id

    measure(sessions, csat, 80, note="  after the new rota \n")
    measure(sessions, csat, 82, note="   ", at=LATER.replace(day=12))

    notes = [note for *_, note in stored_measurements(sessions)]
    assert notes == ["after the new rota", None]


def test_a_note_over_the_limit_is_refused_not_cut(sessions):
    csat = make_goal(sessions).objectives[0].id

    with pytest.raises(TextTooLong) as refused:
        measure(sessions, csat, 81, note="x" * (MAX_NOTE + 500), at=LATER)

    assert (refused.value.field, refused.value.limit, refused.value.length) == (
        "note",
        MAX_NOTE,
        MAX_NOTE + 500,
    )
    assert stored_measurements(sessions) == []


@pytest.mark.parametrize("value", [2e307, float("inf"), float("nan"), -1e13])
def test_a_value_beyond_the_limit_is_refused_and_nothing_is_stored(sessions, value):
    csat = make_goal(sessions).objectives[0].id

    with pytest.raises(MeasurementOutOfRange) as refused:
        measure(sessions, csat, value)

    assert (refused.value.limit, refused.value.field) == (MAX_MEASUREMENT, "value")
    assert count(sessions, Measurement) == 0


@pytest.mark.parametrize("value", [-5, 1e11])
def test_a_value_far_outside_the_range_asks_first_and_stores_only_once_confirmed(sessions, value):
    csat = make_goal(sessions).objectives[0].id

    asked = measurements.record_measurement(
        sessions,
        team_id=TEAM,
        user_id=TEAMMATE,
        channel_id=None,
        name="",
        objective_id=csat,
        value=value,
        note="typo?",
        now=NOW,
        today=TODAY,
    )

    assert isinstance(asked, NeedsConfirmation)
    assert (asked.objective_id, asked.value, asked.note, asked.baseline, asked.target) == (
        csat,
        value,
        "typo?",
        78,
        90,
    )
    assert count(sessions, Measurement) == 0
    recorded = measure(sessions, csat, value, confirmed=True)
    assert recorded.objective.current == value
    assert count(sessions, Measurement) == 1
