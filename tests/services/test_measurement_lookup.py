"""record_measurement finding its objective: by id in this workspace, or by name (exact before
part, this channel's before others', ambiguity and wildcards refused, archived goals left out)."""

import pytest

from bot.services import goal_writes
from bot.services.errors import AmbiguousObjective, GoalArchived, NoObjectiveNamed, ObjectiveNotFound
from models.goals import Measurement
from tests.services.factories import (
    CHANNEL,
    OTHER_CHANNEL,
    OTHER_TEAM,
    TODAY,
    actor,
    count,
    make_goal,
    measure,
    row,
)


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


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_metric_with_a_non_ascii_capital_is_found_by_its_exact_name_on_sqlite(sessions):
    goal = make_goal(sessions, row("Übernachtungen", 120, 150, None))

    recorded = measure(sessions, None, 125, name="Übernachtungen")

    assert recorded.objective.id == goal.objectives[0].id


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_metric_with_a_non_ascii_capital_is_found_by_any_case_on_postgres(sessions):
    goal = make_goal(sessions, row("Übernachtungen", 120, 150, None))

    assert measure(sessions, None, 125, name="übernachtungen").objective.id == goal.objectives[0].id
