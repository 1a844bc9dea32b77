from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import SmartPart
from bot.domain.smart import check_objective


def fields(objective: ObjectiveDraft, index: int = 0) -> list[str]:
    problems = check_objective(objective, index)
    assert all(p.part == SmartPart.MEASURABLE for p in problems)
    return [p.field for p in problems]


def test_a_complete_objective_has_no_gaps_in_either_direction():
    assert fields(ObjectiveDraft("CSAT", "%", 78, 85)) == []
    assert fields(ObjectiveDraft("refunds", None, 40, 25)) == []


def test_each_gap_names_its_field_and_row():
    assert fields(ObjectiveDraft(None, None, 78, 85)) == ["objective.0.metric"]
    assert fields(ObjectiveDraft("CSAT", None, None, None), 2) == [
        "objective.2.baseline",
        "objective.2.target",
    ]
    assert fields(ObjectiveDraft("CSAT", None, 80, 80)) == ["objective.0.target"]


def test_numbers_past_the_measurement_limit_are_a_problem_naming_the_limit():
    problems = check_objective(ObjectiveDraft("revenue", None, 0, 1e25))
    assert [p.field for p in problems] == ["objective.0.target"]
    assert "1,000,000,000,000" in problems[0].hint
