"""record_measurement: finding the objective by id or name, and what gets stored."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.domain.numbers import MAX_MEASUREMENT
from bot.services import goal_reads, goal_writes, measurement_undo, measurements
from bot.services.errors import (
    AmbiguousObjective,
    GoalArchived,
    MeasurementNotFound,
    MeasurementOutOfRange,
    NoObjectiveNamed,
    NothingToUndo,
    ObjectiveNotFound,
    TextTooLong,
    UndoNotAllowed,
)
from bot.services.measurements import MAX_NOTE, NeedsConfirmation
from models.goals import Measurement
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
    count,
    load,
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
        with pytest.raises(ObjectiveNotFound) as refused:
            measure(sessions, objective_id, 80, team_id=team_id)
        assert refused.value.ref == f"O{objective_id}"
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

    with pytest.raises(AmbiguousObjective) as refused:
        measure(sessions, None, 80, name="csat", channel_id="C0EMPTY")

    assert refused.value.name == "csat"
    assert [c.ref for c in refused.value.candidates] == [first.ref, second.ref]
    assert count(sessions, Measurement) == 0


@pytest.mark.parametrize("name", ["NPS", "%", "_", "CSAT!"])
def test_an_unknown_name_is_not_found_and_wildcards_match_literally(sessions, name):
    make_goal(sessions)

    with pytest.raises(NoObjectiveNamed) as refused:
        measure(sessions, None, 80, name=name)

    assert refused.value.name == name
    assert count(sessions, Measurement) == 0


def test_an_archived_goal_objective_is_archived_by_id_and_not_found_by_name(sessions):
    goal = make_goal(sessions)
    goal_writes.archive_goal(sessions, actor(), goal.id, today=TODAY)

    with pytest.raises(GoalArchived) as refused:
        measure(sessions, goal.objectives[0].id, 80)
    assert refused.value.goal_ref == f"G{goal.id}"
    with pytest.raises(ObjectiveNotFound):
        measure(sessions, goal.objectives[0].id + 100, 80)
    with pytest.raises(NoObjectiveNamed):
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


def undo(sessions, measurement_id, who, *, at=LATER):
    return measurement_undo.undo_measurement(sessions, who, measurement_id, now=at, today=at.date())


def test_undo_takes_the_measurement_back_and_twice_is_harmless(sessions):
    csat = make_goal(sessions).objectives[0].id
    measure(sessions, csat, 80)
    second = measure(sessions, csat, 84, at=LATER)

    first_undo = undo(sessions, second.measurement_id, actor(TEAMMATE))
    again = undo(sessions, second.measurement_id, actor(TEAMMATE))

    assert (first_undo.value, first_undo.already, first_undo.objective.current) == (84, False, 80)
    assert (again.already, again.objective.current, again.objective.measurement_count) == (True, 80, 1)
    with sessions() as session:
        stored = session.get(Measurement, second.measurement_id)
        assert (stored.undone_by, stored.undone_at) == (TEAMMATE, LATER)


def test_undo_by_objective_finds_the_newest_and_does_not_walk_back_further(sessions):
    csat = make_goal(sessions).objectives[0].id
    first = measure(sessions, csat, 80)
    second = measure(sessions, csat, 84, at=LATER)

    target = measurement_undo.undo_target(sessions, TEAM, objective_id=csat)
    assert (target.measurement_id, target.author_id, target.owner_id) == (
        second.measurement_id,
        TEAMMATE,
        OWNER,
    )
    undo(sessions, target.measurement_id, actor(OWNER))

    again = measurement_undo.undo_target(sessions, TEAM, objective_id=csat)
    assert again.measurement_id == second.measurement_id  # not `first`: a repeat does nothing new
    assert undo(sessions, again.measurement_id, actor(OWNER)).already
    assert load(sessions, Measurement, first.measurement_id).undone_at is None


def test_only_the_author_the_owner_or_an_admin_may_undo(sessions):
    csat = make_goal(sessions).objectives[0].id
    recorded = measure(sessions, csat, 80)

    with pytest.raises(UndoNotAllowed) as refused:
        undo(sessions, recorded.measurement_id, actor("U0STRANGER"))
    assert (refused.value.author_id, refused.value.owner_id) == (TEAMMATE, OWNER)
    assert load(sessions, Measurement, recorded.measurement_id).undone_at is None

    assert not undo(sessions, recorded.measurement_id, actor("U0STRANGER", is_admin=True)).already


def test_nothing_to_undo_and_other_workspaces_are_refused(sessions):
    csat = make_goal(sessions).objectives[0].id
    with pytest.raises(NothingToUndo):
        measurement_undo.undo_target(sessions, TEAM, objective_id=csat)
    recorded = measure(sessions, csat, 80)
    with pytest.raises(MeasurementNotFound):
        undo(sessions, recorded.measurement_id, actor(OWNER, team_id=OTHER_TEAM))
    with pytest.raises(MeasurementNotFound):
        measurement_undo.undo_target(sessions, OTHER_TEAM, measurement_id=recorded.measurement_id)


def test_show_lists_recent_measurements_newest_first_with_notes_and_authors(sessions):
    goal = make_goal(sessions)
    csat = goal.objectives[0].id
    for day in range(1, 8):
        measure(sessions, csat, 78 + day, at=LATER.replace(day=day + 10), note=f"week {day}")
    undone = measure(sessions, csat, 99, at=LATER.replace(day=20), user_id=OWNER)
    undo(sessions, undone.measurement_id, actor(OWNER), at=LATER.replace(day=21))

    tree = goal_reads.goal_tree(sessions, TEAM, goal.id, today=LATER.replace(day=21).date())

    assert [(m.value, m.note, m.user_id, m.objective_ref) for m in tree.recent] == [
        (78 + day, f"week {day}", TEAMMATE, f"O{csat}") for day in (7, 6, 5, 4, 3)
    ]
