"""Undoing a measurement: by id or the objective's newest, once, only by its author, the goal's
owner or an admin, within the workspace; an undone one leaves the goal's recent history."""

import pytest

from bot.services import goal_reads, measurement_undo
from bot.services.errors import MeasurementNotFound, NothingToUndo, UndoNotAllowed
from models.goals import Measurement
from tests.services.factories import (
    OTHER_TEAM,
    OWNER,
    TEAM,
    TEAMMATE,
    actor,
    load,
    make_goal,
    measure,
)
from tests.services.measurement_helpers import LATER, undo


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
