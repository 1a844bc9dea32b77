"""record_measurement: finding the objective by id or name, and what gets stored."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services import goal_writes
from bot.services.errors import Ambiguous, NotFound, TextTooLong
from bot.services.measurements import MAX_NOTE
from models.goals import Measurement
from tests.services.factories import (
    CHANNEL,
    NOW,
    OTHER_CHANNEL,
    OTHER_TEAM,
    TEAMMATE,
    TODAY,
    actor,
    count,
    make_goal,
    measure,
    row,
)

LATER = datetime(2027, 1, 11, 8, tzinfo=UTC)


def stored_measurements(sessions):
    with sessions() as session:
        return [
            (m.objective_id, m.value, m.user_id, m.recorded_at, m.note)
            for m in session.scalars(select(Measurement))
        ]


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


def test_an_unknown_or_other_workspace_id_is_not_found(sessions):
    csat = make_goal(sessions).objectives[0].id

    for team_id, objective_id in ((OTHER_TEAM, csat), (actor().team_id, csat + 100)):
        with pytest.raises(NotFound) as refused:
            measure(sessions, objective_id, 80, team_id=team_id)
        assert f"O{objective_id}" in refused.value.message
    assert count(sessions, Measurement) == 0


def test_an_exact_name_wins_over_longer_names_that_contain_it(sessions):
    goal = make_goal(sessions, row("CSAT"), row("CSAT survey replies", 40, 80, None))

    recorded = measure(sessions, None, 80, name="  csat ")

    assert recorded.objective.id == goal.objectives[0].id


def test_a_unique_part_of_a_name_is_enough(sessions):
    goal = make_goal(sessions, row("CSAT"), row("Average wait time", 12, 5, "min"))

    recorded = measure(sessions, None, 11, name="WAIT")

    assert (recorded.objective.id, recorded.previous) == (goal.objectives[1].id, 12)


def test_the_channel_own_objective_wins_over_other_channels(sessions):
    make_goal(sessions, channel_id=OTHER_CHANNEL)
    here = make_goal(sessions, channel_id=CHANNEL)

    recorded = measure(sessions, None, 80, name="CSAT", channel_id=CHANNEL)

    assert recorded.objective.id == here.objectives[0].id


def test_another_channel_objective_is_found_when_this_channel_has_none(sessions):
    there = make_goal(sessions, channel_id=OTHER_CHANNEL)

    recorded = measure(sessions, None, 80, name="CSAT", channel_id="C0EMPTY")

    assert recorded.objective.id == there.objectives[0].id


def test_a_name_matching_several_objectives_is_ambiguous_and_names_them(sessions):
    first = make_goal(sessions, channel_id=CHANNEL).objectives[0]
    second = make_goal(sessions, channel_id=OTHER_CHANNEL).objectives[0]

    with pytest.raises(Ambiguous) as refused:
        measure(sessions, None, 80, name="csat", channel_id="C0EMPTY")

    assert f"`{first.ref}`" in refused.value.message and f"`{second.ref}`" in refused.value.message
    assert count(sessions, Measurement) == 0


@pytest.mark.parametrize("name", ["NPS", "%", "_", "CSAT!"])
def test_an_unknown_name_is_not_found_and_wildcards_match_literally(sessions, name):
    make_goal(sessions)

    with pytest.raises(NotFound) as refused:
        measure(sessions, None, 80, name=name)

    assert name in refused.value.message
    assert count(sessions, Measurement) == 0


def test_an_archived_goal_objective_is_not_found_by_id_or_name(sessions):
    goal = make_goal(sessions)
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)

    with pytest.raises(NotFound):
        measure(sessions, goal.objectives[0].id, 80)
    with pytest.raises(NotFound):
        measure(sessions, None, 80, name="CSAT")
    assert count(sessions, Measurement) == 0


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


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_metric_with_a_non_ascii_capital_is_found_by_its_exact_name_on_sqlite(sessions):
    goal = make_goal(sessions, row("Übernachtungen", 120, 150, None))

    recorded = measure(sessions, None, 125, name="Übernachtungen")

    assert recorded.objective.id == goal.objectives[0].id


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_metric_with_a_non_ascii_capital_is_found_by_any_case_on_postgres(sessions):
    goal = make_goal(sessions, row("Übernachtungen", 120, 150, None))

    assert measure(sessions, None, 125, name="übernachtungen").objective.id == goal.objectives[0].id
