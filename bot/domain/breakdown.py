"""Splitting a goal's span into quarters and months, each with an even share of every target."""

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.dates import month_end, quarter_of
from bot.domain.drafts import CheckedObjective, ObjectiveDraft
from bot.domain.enums import GoalLevel

MONTHS_PER_QUARTER = 3
# An objective together with its baseline and target, once both are known to be there.
_Splittable = tuple[ObjectiveDraft, float, float]


@dataclass(frozen=True)
class PeriodPlan:
    level: GoalLevel
    label: str
    start: date
    due: date
    objectives: tuple[CheckedObjective, ...]  # each period's share; measurement history is not copied
    months: tuple["PeriodPlan", ...] = ()


def plan_breakdown(start: date, due: date, objectives: Sequence[ObjectiveDraft]) -> list[PeriodPlan]:
    """Quarters of three months counted from the start month, each holding its months.

    Milestone k of n months is `baseline + (target - baseline) * k / n`; a month runs from the
    previous milestone to its own, and a quarter from the milestone before its first month to
    the milestone of its last. Objectives without both numbers have nothing to split and are left out.
    """
    if due < start:
        raise ValueError(f"due date {due} is before start date {start}")
    spans = _month_spans(start, due)
    splittable = [
        (o, o.baseline, o.target) for o in objectives if o.baseline is not None and o.target is not None
    ]
    months = [
        PeriodPlan(
            level=GoalLevel.MONTHLY,
            label=f"{calendar.month_abbr[first.month]} {first.year}",
            start=first,
            due=last,
            objectives=_share(splittable, index, index + 1, len(spans)),
        )
        for index, (first, last) in enumerate(spans)
    ]
    chunks = [months[i : i + MONTHS_PER_QUARTER] for i in range(0, len(months), MONTHS_PER_QUARTER)]
    calendar_aligned = all(_within_one_quarter(chunk) for chunk in chunks)
    quarters = []
    for number, chunk in enumerate(chunks):
        first_index = number * MONTHS_PER_QUARTER
        label = _quarter_label(chunk[0].start) if calendar_aligned else _months_label(first_index, len(chunk))
        quarters.append(
            PeriodPlan(
                level=GoalLevel.QUARTERLY,
                label=label,
                start=chunk[0].start,
                due=chunk[-1].due,
                objectives=_share(splittable, first_index, first_index + len(chunk), len(spans)),
                months=tuple(chunk),
            )
        )
    return quarters


def _month_spans(start: date, due: date) -> list[tuple[date, date]]:
    spans = []
    first = start
    while first <= due:
        last = min(month_end(first), due)
        spans.append((first, last))
        first = last + timedelta(days=1)
    return spans


def _share(
    objectives: list[_Splittable], from_step: int, to_step: int, steps: int
) -> tuple[CheckedObjective, ...]:
    return tuple(
        CheckedObjective(
            metric=objective.metric or "",
            unit=objective.unit,
            baseline=_milestone(baseline, target, from_step, steps, whole=_counts(objective)),
            target=_milestone(baseline, target, to_step, steps, whole=_counts(objective)),
        )
        for objective, baseline, target in objectives
    )


def _counts(objective: ObjectiveDraft) -> bool:
    """A count (orders, tickets, widgets): whole numbers at both ends and no percentage. Its
    milestones are whole too, since "978.07 orders per month" is not something anyone can reach."""
    ends = (objective.baseline, objective.target)
    whole_ends = all(value is not None and float(value).is_integer() for value in ends)
    return whole_ends and "%" not in (objective.unit or "")


def _milestone(baseline: float, target: float, step: int, steps: int, *, whole: bool = False) -> float:
    # The last milestone is the target itself, so float rounding never leaves a goal a hair short.
    if step == steps:
        return target
    value = baseline + (target - baseline) * step / steps
    # Half up, as people round; milestones stay in order because rounding never reorders them.
    return float(math.floor(value + 0.5)) if whole else value


def _within_one_quarter(chunk: list[PeriodPlan]) -> bool:
    first, last = chunk[0].start, chunk[-1].start
    return first.year == last.year and quarter_of(first) == quarter_of(last)


def _quarter_label(day: date) -> str:
    return f"Q{quarter_of(day)} {day.year}"


def _months_label(first_index: int, count: int) -> str:
    if count == 1:
        return f"Month {first_index + 1}"
    return f"Months {first_index + 1}–{first_index + count}"
