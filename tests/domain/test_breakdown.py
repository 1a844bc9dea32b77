from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.breakdown import PeriodPlan, plan_breakdown
from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import GoalLevel

CSAT = ObjectiveDraft(metric="CSAT", unit="%", baseline=78, target=90)
CHURN = ObjectiveDraft(metric="churn", baseline=5, target=2, history=((date(2026, 12, 1), 5.0),))


def numbers(period: PeriodPlan) -> list[tuple[float | None, float | None]]:
    return [(objective.baseline, objective.target) for objective in period.objectives]


def test_calendar_year_is_four_labelled_quarters_of_three_months():
    plan = plan_breakdown(date(2027, 1, 1), date(2027, 12, 31), [CSAT])
    assert [quarter.label for quarter in plan] == ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"]
    assert [month.label for month in plan[0].months] == ["Jan 2027", "Feb 2027", "Mar 2027"]
    assert all(quarter.level is GoalLevel.QUARTERLY for quarter in plan)
    assert all(month.level is GoalLevel.MONTHLY and month.months == () for q in plan for month in q.months)
    assert [(q.start, q.due) for q in plan] == [
        (date(2027, 1, 1), date(2027, 3, 31)),
        (date(2027, 4, 1), date(2027, 6, 30)),
        (date(2027, 7, 1), date(2027, 9, 30)),
        (date(2027, 10, 1), date(2027, 12, 31)),
    ]


def test_targets_split_evenly_with_each_period_starting_at_the_last_milestone():
    plan = plan_breakdown(date(2027, 1, 1), date(2027, 12, 31), [CSAT])
    assert [numbers(quarter) for quarter in plan] == [[(78, 81)], [(81, 84)], [(84, 87)], [(87, 90)]]
    months = [month for quarter in plan for month in quarter.months]
    assert [numbers(month)[0] for month in months] == [(78 + k, 79 + k) for k in range(12)]
    assert all(month.objectives[0].metric == "CSAT" and month.objectives[0].unit == "%" for month in months)


def test_downward_targets_split_too_and_history_is_not_copied():
    plan = plan_breakdown(date(2027, 1, 1), date(2027, 3, 31), [CHURN])
    assert numbers(plan[0]) == [(5, 2)]
    assert [numbers(month) for month in plan[0].months] == [[(5, 4)], [(4, 3)], [(3, 2)]]
    assert all(not hasattr(month.objectives[0], "history") for month in plan[0].months)


def test_objectives_without_both_numbers_are_skipped():
    plan = plan_breakdown(
        date(2027, 1, 1), date(2027, 6, 30), [ObjectiveDraft(metric="NPS", target=50), CSAT]
    )
    assert all([o.metric for o in q.objectives] == ["CSAT"] for q in plan)


def test_mid_month_start_and_end_are_kept_and_unaligned_quarters_are_numbered():
    plan = plan_breakdown(date(2027, 2, 10), date(2027, 12, 15), [CSAT])
    assert [quarter.label for quarter in plan] == ["Months 1–3", "Months 4–6", "Months 7–9", "Months 10–11"]
    assert plan[0].start == date(2027, 2, 10) and plan[0].months[0].start == date(2027, 2, 10)
    assert plan[0].months[0].due == date(2027, 2, 28)
    assert plan[-1].due == date(2027, 12, 15) and plan[-1].months[-1].due == date(2027, 12, 15)
    # 11 months from 78 to 90: quarter 1 ends at milestone 3 of 11.
    assert numbers(plan[0])[0] == pytest.approx((78, 78 + 12 * 3 / 11))
    assert numbers(plan[-1])[0] == pytest.approx((78 + 12 * 9 / 11, 90))


def test_a_lone_last_month_is_labelled_on_its_own():
    plan = plan_breakdown(date(2027, 2, 1), date(2027, 5, 31), [CSAT])
    assert [quarter.label for quarter in plan] == ["Months 1–3", "Month 4"]


def test_short_span_is_one_quarter_of_months():
    plan = plan_breakdown(date(2027, 4, 15), date(2027, 6, 30), [CSAT])
    assert len(plan) == 1 and plan[0].label == "Q2 2027"
    assert [month.label for month in plan[0].months] == ["Apr 2027", "May 2027", "Jun 2027"]
    crossing = plan_breakdown(date(2027, 3, 1), date(2027, 4, 30), [CSAT])
    assert [quarter.label for quarter in crossing] == ["Months 1–2"]


def test_span_across_a_year_boundary_and_a_leap_february():
    plan = plan_breakdown(date(2027, 11, 1), date(2028, 4, 30), [CSAT])
    assert [quarter.label for quarter in plan] == ["Months 1–3", "Months 4–6"]
    assert [month.label for month in plan[1].months] == ["Feb 2028", "Mar 2028", "Apr 2028"]
    assert plan[1].months[0].due == date(2028, 2, 29)
    aligned = plan_breakdown(date(2027, 10, 1), date(2028, 3, 31), [CSAT])
    assert [quarter.label for quarter in aligned] == ["Q4 2027", "Q1 2028"]


def test_single_day_span():
    plan = plan_breakdown(date(2027, 5, 31), date(2027, 5, 31), [CSAT])
    assert [(q.label, q.start, q.due) for q in plan] == [("Q2 2027", date(2027, 5, 31), date(2027, 5, 31))]
    assert numbers(plan[0].months[0]) == [(78, 90)]


def test_due_before_start_is_an_error():
    with pytest.raises(ValueError):
        plan_breakdown(date(2027, 5, 1), date(2027, 4, 30), [CSAT])


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=800),
    st.floats(-1e6, 1e6),
    st.floats(-1e6, 1e6),
)
def test_periods_tile_the_span_and_end_on_the_target(start, days, baseline, target):
    due = start + timedelta(days=days)
    plan = plan_breakdown(start, due, [ObjectiveDraft(metric="m", baseline=baseline, target=target)])
    months = [month for quarter in plan for month in quarter.months]
    assert months[0].start == start and months[-1].due == due
    assert all(a.due + timedelta(days=1) == b.start for a, b in pairwise(months))
    assert all(1 <= len(quarter.months) <= 3 for quarter in plan)
    assert months[0].objectives[0].baseline == baseline and months[-1].objectives[0].target == target
    assert all(a.objectives[0].target == b.objectives[0].baseline for a, b in pairwise(months))
    assert all(q.objectives[0].target == q.months[-1].objectives[0].target for q in plan)


def test_a_count_splits_into_whole_numbers_ending_on_the_target():
    orders = ObjectiveDraft(metric="orders", unit="per month", baseline=900, target=1300)
    plan = plan_breakdown(date(2027, 1, 1), date(2027, 12, 31), [orders])
    months = [numbers(month)[0] for quarter in plan for month in quarter.months]
    assert all(float(value).is_integer() for pair in months for value in pair)
    assert months[0] == (900, 933) and months[-1] == (1267, 1300)
    assert all(a[1] == b[0] for a, b in pairwise(months))


def test_a_percentage_or_a_decimal_end_keeps_its_decimals():
    churn = ObjectiveDraft(metric="churn", unit="%", baseline=5, target=2)
    csat = ObjectiveDraft(metric="CSAT", baseline=4.2, target=4.8)
    plan = plan_breakdown(date(2027, 1, 1), date(2027, 7, 31), [churn, csat])
    first = plan[0].months[0]
    assert numbers(first)[0][1] == pytest.approx(5 - 3 / 7)
    assert numbers(first)[1][1] == pytest.approx(4.2 + 0.6 / 7)
