"""A draft that passes the SMART check becomes a SmartGoal, whose required parts are not optional."""

from datetime import date

from bot.domain.drafts import CheckedObjective, GoalDraft, ObjectiveDraft, SmartGoal
from bot.domain.enums import SmartPart
from bot.domain.smart import check_objective, check_smart, checked_objective, smart_goal

TODAY = date(2027, 1, 4)
COMPLETE = GoalDraft(
    title="  Raise CSAT from 78 to 85 ",
    why=" unhappy customers churn ",
    due_date=date(2027, 3, 31),
    objectives=(
        ObjectiveDraft(metric=" CSAT ", unit=" % ", baseline=78, target=85),
        ObjectiveDraft(),
        ObjectiveDraft(metric="NPS", unit="  ", baseline=30, target=45),
    ),
)


def test_a_complete_draft_becomes_a_smart_goal_with_rows_kept_in_place():
    goal = smart_goal(COMPLETE, TODAY)

    assert isinstance(goal, SmartGoal)
    assert (goal.title, goal.why, goal.due_date) == (
        "Raise CSAT from 78 to 85",
        "unhappy customers churn",
        COMPLETE.due_date,
    )
    assert goal.objectives == (
        CheckedObjective("CSAT", "%", 78, 85),
        None,
        CheckedObjective("NPS", None, 30, 45),
    )
    assert goal.filled_objectives == (goal.objectives[0], goal.objectives[2])


def test_an_incomplete_draft_gives_back_exactly_check_smarts_problems():
    draft = GoalDraft(
        title="Raise CSAT from 78 to 85", objectives=(ObjectiveDraft(metric="CSAT", baseline=78),)
    )

    result = smart_goal(draft, TODAY)

    assert result == check_smart(draft, TODAY)
    assert {p.part for p in result} >= {SmartPart.TIME_BOUND, SmartPart.MEASURABLE}


def test_one_objective_checks_into_a_checked_objective_or_its_problems():
    assert checked_objective(ObjectiveDraft(metric=" NPS ", baseline=30, target=45)) == CheckedObjective(
        "NPS", None, 30, 45
    )
    missing = ObjectiveDraft(metric="NPS", baseline=30)
    assert checked_objective(missing) == check_objective(missing) != []
    assert checked_objective(ObjectiveDraft()) == check_objective(ObjectiveDraft()) != []
