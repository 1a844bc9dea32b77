import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.achievable import ACHIEVABLE_FACTOR, direction_of
from bot.domain.drafts import GoalDraft, ObjectiveDraft, SmartProblem
from bot.domain.enums import Direction, SmartPart
from bot.domain.parse import parse_goal_text
from bot.domain.smart import GOAL_FIELDS, OBJECTIVE_FIELDS, check_smart

TODAY = date(2027, 1, 4)
CSAT = ObjectiveDraft(metric="CSAT", baseline=78, target=85)
COMPLETE = GoalDraft(
    title="Raise CSAT from 78 to 85",
    why="unhappy customers churn",
    start_date=TODAY,
    due_date=date(2027, 3, 31),
    objectives=(CSAT,),
)
_FIELD = re.compile(rf"(?:{'|'.join(GOAL_FIELDS)})|objective\.[0-9]+\.(?:{'|'.join(OBJECTIVE_FIELDS)})")


def fields(draft: GoalDraft, today: date = TODAY) -> list[tuple[SmartPart, str]]:
    return [(problem.part, problem.field) for problem in check_smart(draft, today)]


def test_complete_goal_has_no_problems():
    assert check_smart(COMPLETE, TODAY) == []


def test_parsed_complete_sentence_is_smart():
    draft = parse_goal_text("Raise CSAT from 78 to 85 by 2027-03-31 because unhappy customers churn", TODAY)
    assert check_smart(draft, TODAY) == []


def test_empty_draft_lists_every_part_in_smart_order():
    assert fields(GoalDraft()) == [
        (SmartPart.SPECIFIC, "title"),
        (SmartPart.MEASURABLE, "objective.0.metric"),
        (SmartPart.RELEVANT, "why"),
        (SmartPart.TIME_BOUND, "due_date"),
    ]


@pytest.mark.parametrize("title", ["", "CSAT", "Raise CSAT", "  Raise   CSAT  "])
def test_short_title_is_not_specific(title):
    assert fields(replace(COMPLETE, title=title)) == [(SmartPart.SPECIFIC, "title")]


@pytest.mark.parametrize(
    "title", ["Improve things this quarter", "Do better with customers", "Be great at stuff"]
)
def test_vague_title_without_metric_is_not_specific(title):
    problems = check_smart(replace(COMPLETE, title=title, objectives=()), TODAY)
    assert problems[0].part is SmartPart.SPECIFIC and problems[0].field == "title"
    assert "Raise CSAT from 78 to 85" in problems[0].hint


def test_vague_word_is_fine_once_a_metric_says_what_changes():
    assert fields(replace(COMPLETE, title="Do better on CSAT this quarter")) == []


def test_missing_numbers_point_at_their_objective():
    draft = replace(COMPLETE, objectives=(CSAT, ObjectiveDraft(metric="NPS")))
    problems = check_smart(draft, TODAY)
    assert [(p.part, p.field) for p in problems] == [
        (SmartPart.MEASURABLE, "objective.1.baseline"),
        (SmartPart.MEASURABLE, "objective.1.target"),
    ]
    assert 'e.g. "from 78 to 85"' in problems[0].hint and "NPS" in problems[0].hint


def test_first_objective_needs_a_metric():
    draft = replace(COMPLETE, objectives=(ObjectiveDraft(baseline=1, target=2),))
    assert fields(draft) == [(SmartPart.MEASURABLE, "objective.0.metric")]
    assert fields(replace(COMPLETE, objectives=(ObjectiveDraft(metric="  "),))) == [
        (SmartPart.MEASURABLE, "objective.0.metric")
    ]


def test_blank_extra_objective_rows_are_ignored_but_unnamed_numbers_are_not():
    assert fields(replace(COMPLETE, objectives=(CSAT, ObjectiveDraft()))) == []
    assert fields(replace(COMPLETE, objectives=(CSAT, ObjectiveDraft(target=5)))) == [
        (SmartPart.MEASURABLE, "objective.1.metric")
    ]


def test_target_equal_to_baseline():
    draft = replace(COMPLETE, objectives=(ObjectiveDraft(metric="CSAT", baseline=80, target=80),))
    [problem] = check_smart(draft, TODAY)
    assert (problem.part, problem.field) == (SmartPart.MEASURABLE, "objective.0.target")
    assert "equals the baseline (80)" in problem.hint


def test_downward_goal_is_measurable():
    draft = replace(COMPLETE, objectives=(ObjectiveDraft(metric="churn", unit="%", baseline=5, target=3),))
    assert check_smart(draft, TODAY) == []


def test_due_date_problems():
    assert fields(replace(COMPLETE, due_date=None)) == [(SmartPart.TIME_BOUND, "due_date")]
    past = check_smart(replace(COMPLETE, due_date=TODAY - timedelta(days=1)), TODAY)
    assert [(p.part, p.field) for p in past] == [(SmartPart.TIME_BOUND, "due_date")]
    assert "has passed" in past[0].hint
    assert fields(replace(COMPLETE, due_date=TODAY)) == [(SmartPart.TIME_BOUND, "due_date")]
    later_start = replace(COMPLETE, start_date=date(2027, 4, 1))
    assert fields(later_start) == [(SmartPart.TIME_BOUND, "due_date")]
    assert fields(replace(COMPLETE, start_date=None)) == []


def test_missing_due_date_hint_suggests_a_future_date():
    [problem] = check_smart(replace(COMPLETE, due_date=None), date(2026, 12, 31))
    assert '"by 2027-03-31"' in problem.hint


@pytest.mark.parametrize(("why", "parent"), [(None, None), ("", None), (" a b ", None), ("\n", None)])
def test_no_why_and_no_parent_is_not_relevant(why, parent):
    assert fields(replace(COMPLETE, why=why, parent_id=parent)) == [(SmartPart.RELEVANT, "why")]


@pytest.mark.parametrize(("why", "parent"), [("abc", None), (None, 12), ("", 3)])
def test_why_or_parent_is_relevant(why, parent):
    assert fields(replace(COMPLETE, why=why, parent_id=parent)) == []


def with_history(objective: ObjectiveDraft, *points: tuple[int, float]) -> GoalDraft:
    history = tuple((TODAY + timedelta(days=offset), value) for offset, value in points)
    return replace(COMPLETE, objectives=(replace(objective, history=history),))


def test_slow_history_makes_target_unachievable():
    # +0.68/week observed; 85 - 78.4 = 6.6 to go in 86 days is 0.54/week: fine.
    assert fields(with_history(CSAT, (-35, 75), (-7, 78), (0, 78.4))) == []
    # Due in 12 weeks but 30 to go: 2.5/week needed against 0.1/week shown.
    draft = with_history(ObjectiveDraft("CSAT", None, 50, 80), (-28, 49.6), (0, 50))
    [problem] = check_smart(replace(draft, due_date=TODAY + timedelta(weeks=12)), TODAY)
    assert (problem.part, problem.field) == (SmartPart.ACHIEVABLE, "objective.0.target")
    assert problem.hint == (
        "Needs +2.5 per week; the last 28 days averaged +0.1 per week. Lower the target or move the date."
    )


def test_achievable_factor_boundary():
    due = TODAY + timedelta(days=70)
    observed_per_day = 0.1
    exactly = 50 + ACHIEVABLE_FACTOR * observed_per_day * 70
    draft = with_history(ObjectiveDraft(metric="CSAT", baseline=49, target=exactly), (-10, 49), (0, 50))
    assert fields(replace(draft, due_date=due)) == []
    too_far = with_history(ObjectiveDraft(metric="CSAT", baseline=49, target=exactly + 1), (-10, 49), (0, 50))
    assert fields(replace(too_far, due_date=due)) == [(SmartPart.ACHIEVABLE, "objective.0.target")]


def test_downward_goal_moving_the_wrong_way_is_flagged():
    draft = with_history(ObjectiveDraft("churn", "%", 5, 3), (-14, 5), (0, 5.2))
    [problem] = check_smart(draft, TODAY)
    assert problem.part is SmartPart.ACHIEVABLE
    assert problem.hint.startswith("Needs -")
    assert "averaged +0.1 per week" in problem.hint


def test_downward_goal_with_steady_progress_is_achievable():
    assert fields(with_history(ObjectiveDraft("churn", "%", 5, 3), (-14, 5), (0, 4.5))) == []


def test_flat_history_with_movement_needed_is_flagged():
    [problem] = check_smart(with_history(CSAT, (-30, 78), (0, 78)), TODAY)
    assert "averaged 0 per week" in problem.hint


@pytest.mark.parametrize(
    "points",
    [
        ((0, 78),),  # one point says nothing about pace
        ((-6, 70), (0, 70)),  # less than a week of history
        ((-30, 78), (0, 86)),  # already past the target
    ],
)
def test_achievable_check_needs_real_history(points):
    assert fields(with_history(CSAT, *points)) == []


def test_history_after_the_due_date_is_left_to_the_time_check():
    draft = replace(with_history(CSAT, (-30, 78), (0, 78)), due_date=TODAY)
    assert fields(draft) == [(SmartPart.TIME_BOUND, "due_date")]


def test_direction_of():
    assert direction_of(78, 85) is Direction.UP
    assert direction_of(5, 3) is Direction.DOWN
    assert direction_of(4, 4) is Direction.UP


_HISTORY = st.lists(
    st.tuples(st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 1, 1)), st.floats(-1e6, 1e6)),
    max_size=5,
).map(tuple)


@given(st.text(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), _HISTORY)
def test_check_smart_on_any_parsed_draft_names_documented_fields(text, today, history):
    draft = parse_goal_text(text, today)
    if draft.objectives:
        draft = replace(draft, objectives=(replace(draft.objectives[0], history=history),))
    problems = check_smart(draft, today)
    assert all(isinstance(problem, SmartProblem) for problem in problems)
    assert all(_FIELD.fullmatch(problem.field) for problem in problems)
    assert all(problem.hint for problem in problems)
