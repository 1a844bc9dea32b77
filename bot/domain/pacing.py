"""How far an objective has come, how far it should have come by today, and what that means."""

import math
from collections.abc import Iterable
from datetime import date

from bot.domain.enums import Direction, PaceStatus

# Behind the straight line by up to ten points of progress is normal noise week to week;
# up to a quarter behind is catchable with effort; more than that needs a new plan.
ON_TRACK_MAX_GAP = 0.10
AT_RISK_MAX_GAP = 0.25


def progress(
    baseline: float, target: float, current: float, *, direction: Direction = Direction.UP
) -> float | None:
    """Fraction of the way from baseline to target: below 0 lost ground, above 1 beat the target.

    Works for both directions because the sign of (target - baseline) cancels out. Only a
    "hold the line" target (equal to its baseline) has no slope, so it is met or not, and
    `direction` says which side of the line counts as met (up, like `direction_of`).
    """
    if target == baseline:
        met = current >= target if direction is Direction.UP else current <= target
        return 1.0 if met else 0.0
    return (current - baseline) / (target - baseline)


def expected_progress(start: date, due: date, today: date) -> float:
    """Where a straight line from start to due says progress should be today."""
    total_days = (due - start).days
    if total_days <= 0:
        return 1.0
    return min(1.0, max(0.0, (today - start).days / total_days))


def pace_status(progress: float | None, expected: float, *, today: date, due: date) -> PaceStatus:
    if progress is None:
        return PaceStatus.NO_DATA
    if progress >= 1:
        return PaceStatus.ACHIEVED
    if today > due:
        return PaceStatus.OFF_TRACK
    gap = expected - progress
    if gap <= ON_TRACK_MAX_GAP:
        return PaceStatus.ON_TRACK
    if gap <= AT_RISK_MAX_GAP:
        return PaceStatus.AT_RISK
    return PaceStatus.OFF_TRACK


def weakest(statuses: Iterable[PaceStatus]) -> PaceStatus:
    """The status that most needs attention; NO_DATA only when nothing was measured.

    ACHIEVED only when every objective is achieved; otherwise a met objective counts as on track.
    """
    statuses = list(statuses)
    if statuses and all(status is PaceStatus.ACHIEVED for status in statuses):
        return PaceStatus.ACHIEVED
    worst = max(statuses, key=lambda status: status.rank, default=PaceStatus.NO_DATA)
    return PaceStatus.ON_TRACK if worst is PaceStatus.ACHIEVED else worst


def mean_progress(values: Iterable[float | None]) -> float | None:
    measured = [value for value in values if value is not None]
    if not measured:
        return None
    # Each share divided first, so two huge values cannot overflow; inf beside -inf has no mean.
    try:
        return math.fsum(value / len(measured) for value in measured)
    except (ValueError, OverflowError):
        return math.nan


def is_implausible(baseline: float, target: float, value: float) -> bool:
    """Far outside where the metric lives: likely a typo (-5 for CSAT 78→85), so ask before storing.

    The plausible band reaches three spans (or half the larger end) beyond baseline and target,
    and never crosses zero when both ends are on one side of it.
    """
    if not math.isfinite(value):
        return True
    low, high = min(baseline, target), max(baseline, target)
    margin = max(3 * (high - low), 0.5 * max(abs(low), abs(high)), 1.0)
    if low >= 0 > value or high <= 0 < value:
        return True
    return not (low - margin <= value <= high + margin)
