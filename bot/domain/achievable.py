"""Is a target reachable at the pace the metric has actually moved so far?"""

from datetime import date

from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import Direction
from bot.domain.numbers import format_number

# A plan that needs more than three times the pace the team has shown is wishful, not a stretch.
ACHIEVABLE_FACTOR = 3.0
MIN_HISTORY_POINTS = 2
MIN_HISTORY_DAYS = 7


def direction_of(baseline: float, target: float) -> Direction:
    """Which way the metric has to move; a target equal to the baseline counts as up."""
    return Direction.DOWN if target < baseline else Direction.UP


def check_achievable(objective: ObjectiveDraft, due: date) -> str | None:
    """A hint quoting the needed and observed weekly paces when the target looks out of reach."""
    if objective.target is None or len(objective.history) < MIN_HISTORY_POINTS:
        return None
    history = sorted(objective.history)
    (first_day, first_value), (last_day, last_value) = history[0], history[-1]
    observed_days = (last_day - first_day).days
    remaining_days = (due - last_day).days
    # Too little history says nothing about pace; no days left is the due date's problem.
    if observed_days < MIN_HISTORY_DAYS or remaining_days <= 0:
        return None
    start = objective.baseline if objective.baseline is not None else first_value
    if start == objective.target:
        return None
    sign = 1 if direction_of(start, objective.target) is Direction.UP else -1
    observed_pace = (last_value - first_value) / observed_days
    required_pace = (objective.target - last_value) / remaining_days
    if required_pace * sign <= 0:
        return None  # already at or past the target
    if observed_pace * sign > 0 and required_pace * sign <= ACHIEVABLE_FACTOR * observed_pace * sign:
        return None
    return (
        f"Needs {_per_week(required_pace)} per week; the last {observed_days} days averaged "
        f"{_per_week(observed_pace)} per week. Lower the target or move the date."
    )


def _per_week(per_day: float) -> str:
    text = format_number(per_day * 7)
    return f"+{text}" if per_day > 0 and text != "0" else text
