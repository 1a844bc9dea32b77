"""This month's target for an objective, and where the straight line says it should be on a day.

A goal that was broken down (bot/domain/breakdown.py) has a monthly child whose objective carries
the month's target: that is the target. Otherwise the month's target is where the straight line
from baseline (at the goal's start) to target (at its due date) stands at the month's last day,
clamped to the goal's span, so a month past the due date asks for the target itself.
"""

from datetime import date

from bot.domain.pacing import expected_progress
from bot.domain.reports.periods import Period


def expected_value(baseline: float, target: float, start: date, due: date, day: date) -> float:
    """The value on the pace line on `day` (baseline before start, target after due)."""
    return baseline + (target - baseline) * expected_progress(start, due, day)


def monthly_target(
    baseline: float,
    target: float,
    start: date,
    due: date,
    month: Period,
    planned: float | None = None,
) -> float:
    """`planned` is the break-down's target for this month, when there is one; it wins."""
    if planned is not None:
        return planned
    return expected_value(baseline, target, start, due, min(month.end, due))
