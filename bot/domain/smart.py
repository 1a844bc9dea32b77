"""Which SMART parts a goal draft is missing, each with a hint that says what to write instead."""

import re
from datetime import date

from bot.domain.achievable import check_achievable
from bot.domain.dates import add_months, month_end
from bot.domain.drafts import CheckedObjective, GoalDraft, ObjectiveDraft, SmartGoal, SmartProblem
from bot.domain.enums import SmartPart
from bot.domain.limits import MAX_YEARS_AHEAD, latest_due
from bot.domain.numbers import MAX_MEASUREMENT, format_number, is_storable

# Form fields a problem can point at; objective fields are "objective.<index>.<name>".
GOAL_FIELDS = ("title", "why", "due_date", "parent")
OBJECTIVE_FIELDS = ("metric", "unit", "baseline", "target")
MIN_TITLE_WORDS = 3
MIN_WHY_CHARACTERS = 3
# Words that promise change without naming it; they only count when no metric says what changes.
VAGUE_WORDS = frozenset(
    {"things", "thing", "stuff", "better", "great", "awesome", "good", "nice", "everything", "more"}
)


def objective_field(index: int, name: str) -> str:
    return f"objective.{index}.{name}"


def check_smart(draft: GoalDraft, today: date) -> list[SmartProblem]:
    """Every SMART gap, in S-M-A-R-T order; an empty list means the goal is SMART-complete."""
    return [
        *_specific(draft),
        *_measurable(draft.objectives),
        *_achievable(draft),
        *_relevant(draft),
        *_time_bound(draft, today),
    ]


def smart_goal(draft: GoalDraft, today: date) -> SmartGoal | list[SmartProblem]:
    """The draft as a SmartGoal when it is SMART-complete, else every problem (as check_smart)."""
    problems = check_smart(draft, today)
    due = draft.due_date
    if problems or due is None:  # a missing due date is always among the problems
        return problems
    return SmartGoal(
        title=draft.title.strip(),
        why=(draft.why or "").strip() or None,
        level=draft.level,
        parent_id=draft.parent_id,
        start_date=draft.start_date,
        due_date=due,
        objectives=tuple(_checked(row) for row in draft.objectives),
    )


def checked_objective(objective: ObjectiveDraft, index: int = 0) -> CheckedObjective | list[SmartProblem]:
    """One objective on its own (e.g. added to an existing goal), checked as `check_objective` does."""
    problems = check_objective(objective, index)
    checked = _checked(objective)
    if problems or checked is None:  # no metric is always among the problems
        return problems
    return checked


def check_objective(objective: ObjectiveDraft, index: int = 0) -> list[SmartProblem]:
    """The measurable gaps of one objective on its own, e.g. one added to an existing goal."""
    if not _has_metric(objective):
        hint = 'Name the number that will show progress, e.g. "CSAT" or "repeat orders per month".'
        return [SmartProblem(SmartPart.MEASURABLE, objective_field(index, "metric"), hint)]
    return _objective_numbers(index, objective)


def _specific(draft: GoalDraft) -> list[SmartProblem]:
    words = re.findall(r"[\w']+", draft.title.lower())
    if len(words) < MIN_TITLE_WORDS:
        hint = 'Say what will change in a few words, e.g. "Raise CSAT from 78 to 85 by the end of Q2".'
        return [SmartProblem(SmartPart.SPECIFIC, "title", hint)]
    vague = [word for word in words if word in VAGUE_WORDS]
    if vague and not any(_has_metric(objective) for objective in draft.objectives):
        hint = (
            f'"{vague[0]}" does not say what changes. Name the thing you will measure, '
            'e.g. "Raise CSAT from 78 to 85" instead of "improve things".'
        )
        return [SmartProblem(SmartPart.SPECIFIC, "title", hint)]
    return []


def _measurable(objectives: tuple[ObjectiveDraft, ...]) -> list[SmartProblem]:
    if not objectives or not _has_metric(objectives[0]):
        hint = 'Name the number that will show progress, e.g. "CSAT" or "repeat orders per month".'
        return [SmartProblem(SmartPart.MEASURABLE, objective_field(0, "metric"), hint)]
    problems = []
    for index, objective in enumerate(objectives):
        if not _has_metric(objective):
            # Blank extra rows are ignored; a row with numbers but no name is not.
            if objective.baseline is not None or objective.target is not None:
                hint = 'Name what these numbers measure, e.g. "CSAT".'
                problems.append(SmartProblem(SmartPart.MEASURABLE, objective_field(index, "metric"), hint))
            continue
        problems.extend(_objective_numbers(index, objective))
    return problems


def _objective_numbers(index: int, objective: ObjectiveDraft) -> list[SmartProblem]:
    metric = objective.metric
    problems = _too_large(index, objective)
    if problems:
        return problems
    if objective.baseline is None:
        hint = f'Add a baseline: where is {metric} today? e.g. "from 78 to 85".'
        problems.append(SmartProblem(SmartPart.MEASURABLE, objective_field(index, "baseline"), hint))
    if objective.target is None:
        hint = f'Add a target: where should {metric} be by the due date? e.g. "to 85".'
        problems.append(SmartProblem(SmartPart.MEASURABLE, objective_field(index, "target"), hint))
    elif objective.target == objective.baseline:
        hint = (
            f"The target equals the baseline ({format_number(objective.target)}), so nothing has to change. "
            f"Set where {metric} should get to, higher or lower."
        )
        problems.append(SmartProblem(SmartPart.MEASURABLE, objective_field(index, "target"), hint))
    return problems


def _too_large(index: int, objective: ObjectiveDraft) -> list[SmartProblem]:
    """Baselines and targets obey the one limit every measurement obeys (numbers.MAX_MEASUREMENT)."""
    problems = []
    for name in ("baseline", "target"):
        value = getattr(objective, name)
        if value is not None and not is_storable(value):
            largest = format_number(MAX_MEASUREMENT)
            hint = (
                f"The {name} {format_number(value)} is beyond what I can track: "
                f"use a number between -{largest} and {largest}."
            )
            problems.append(SmartProblem(SmartPart.MEASURABLE, objective_field(index, name), hint))
    return problems


def _achievable(draft: GoalDraft) -> list[SmartProblem]:
    if draft.due_date is None:
        return []
    problems = []
    for index, objective in enumerate(draft.objectives):
        hint = check_achievable(objective, draft.due_date)
        if hint is not None:
            problems.append(SmartProblem(SmartPart.ACHIEVABLE, objective_field(index, "target"), hint))
    return problems


def _relevant(draft: GoalDraft) -> list[SmartProblem]:
    why_characters = len("".join((draft.why or "").split()))
    if draft.parent_id is not None or why_characters >= MIN_WHY_CHARACTERS:
        return []
    hint = (
        'Say why it matters or link a bigger goal, e.g. "because repeat customers bring most of our revenue" '
        'or "under G12".'
    )
    return [SmartProblem(SmartPart.RELEVANT, "why", hint)]


def _time_bound(draft: GoalDraft, today: date) -> list[SmartProblem]:
    due, start = draft.due_date, draft.start_date
    if due is None:
        example = month_end(add_months(today, 3)).isoformat()
        hint = f'Add a due date, e.g. "by {example}", "by end of June" or "by end of Q2".'
    elif due < today:
        hint = f"The due date {due.isoformat()} has passed. Pick a date after today ({today.isoformat()})."
    elif due > latest_due(today):
        hint = (
            f"The due date {due.isoformat()} is more than {MAX_YEARS_AHEAD} years away. "
            f"Pick a date before {latest_due(today).isoformat()}, or set a nearer milestone."
        )
    elif start is not None and due <= start:
        hint = f"The due date must come after the start date ({start.isoformat()}). Pick a later date."
    else:
        return []
    return [SmartProblem(SmartPart.TIME_BOUND, "due_date", hint)]


def _checked(row: ObjectiveDraft) -> CheckedObjective | None:
    """None for a blank row; check_smart has refused any other row that lacks a number."""
    metric = (row.metric or "").strip()
    if not metric or row.baseline is None or row.target is None:
        return None
    return CheckedObjective(metric, (row.unit or "").strip() or None, row.baseline, row.target)


def _has_metric(objective: ObjectiveDraft) -> bool:
    return bool(objective.metric and objective.metric.strip())
