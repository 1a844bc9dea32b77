"""A digest's contents as a pure value: the view only words and lays it out."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bot.domain.enums import Direction, PaceStatus
from bot.domain.pacing import expected_progress, mean_progress, pace_status, progress, weakest
from bot.domain.reports.confidence import ConfidenceTrend, confidence_trend
from bot.domain.reports.cuts import Cut, cut_to
from bot.domain.reports.digest_inputs import (
    CATEGORIES,
    DigestInputs,
    DigestLimits,
    FollowupCounts,
    GoalFigures,
    ObjectiveFigures,
)
from bot.domain.reports.participation import Participation, participation
from bot.domain.reports.periods import Period
from bot.domain.reports.quotes import QuoteSelection, select_quotes
from bot.domain.reports.themes import Theme


@dataclass(frozen=True)
class ProgressRow:
    """One goal or objective line. Progress and change are fractions (0.43 is 43%)."""

    is_goal: bool
    item_id: int
    label: str
    depth: int  # 0 for a top goal; its objectives and sub-goals one deeper
    progress: float | None
    change: float | None  # since the previous digest of its kind, in fractions of the way to target
    status: PaceStatus
    current: float | None = None
    target: float | None = None
    unit: str | None = None
    lower_is_better: bool = False  # a target below the baseline ("cut handle time to 60 minutes")

    @property
    def progress_percent(self) -> int | None:
        return None if self.progress is None else round(self.progress * 100)

    @property
    def change_points(self) -> int | None:
        return None if self.change is None else round(self.change * 100)


@dataclass(frozen=True)
class Digest:
    period: Period
    status: PaceStatus  # the weakest of all top goals
    rows: Cut[ProgressRow]
    participation: Participation
    categories: tuple[tuple[str, int], ...]
    quotes: QuoteSelection
    themes: Cut[Theme]
    followups: FollowupCounts
    confidence: ConfidenceTrend = field(default_factory=ConfidenceTrend)


DEFAULT_LIMITS = DigestLimits()


def build_digest(inputs: DigestInputs, limits: DigestLimits = DEFAULT_LIMITS) -> Digest:
    as_of = min(inputs.today, inputs.period.end)
    rolled = [_roll_up(goal, as_of, 0) for goal in inputs.goals]
    rows = [row for rows, _ in rolled for row in rows]
    return Digest(
        period=inputs.period,
        status=weakest(status for _, status in rolled),
        rows=cut_to(rows, limits.rows),
        participation=participation(inputs.participation),
        categories=ordered_categories(inputs.categories),
        quotes=select_quotes(inputs.quotes, limits.quotes),
        themes=cut_to(list(inputs.themes), limits.themes),
        followups=inputs.followups,
        confidence=confidence_trend(inputs.confidence),
    )


def ordered_categories(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """Every known category (zeros included, so weeks compare), then any others alphabetically."""
    known = [(name, counts.get(name, 0)) for name in CATEGORIES]
    others = sorted((name, count) for name, count in counts.items() if name not in CATEGORIES)
    return tuple(known + others)


def _roll_up(goal: GoalFigures, as_of: date, depth: int) -> tuple[list[ProgressRow], PaceStatus]:
    """The goal's rows (itself first) and its status: the weakest of its objectives and sub-goals."""
    objective_rows = [_objective_row(o, as_of, depth + 1) for o in goal.objectives]
    children = [_roll_up(child, as_of, depth + 1) for child in goal.children]
    status = weakest([row.status for row in objective_rows] + [status for _, status in children])
    now = mean_progress(row.progress for row in objective_rows)
    # The mean of the objectives' own changes: an objective measured for the first time adds
    # progress but no change, so a new measurement is not mistaken for movement.
    change = mean_progress(row.change for row in objective_rows)
    head = ProgressRow(True, goal.goal_id, goal.title, depth, now, change, status)
    return [head, *objective_rows, *(row for rows, _ in children for row in rows)], status


def _objective_row(objective: ObjectiveFigures, as_of: date, depth: int) -> ProgressRow:
    now = _progress(objective, objective.current)
    before = _progress(objective, objective.previous)
    expected = expected_progress(objective.start, objective.due, as_of)
    return ProgressRow(
        is_goal=False,
        item_id=objective.objective_id,
        label=objective.name,
        depth=depth,
        progress=now,
        change=None if now is None or before is None else now - before,
        status=pace_status(now, expected, today=as_of, due=objective.due),
        current=objective.current,
        target=objective.target,
        unit=objective.unit,
        lower_is_better=objective.direction is Direction.DOWN,
    )


def _progress(objective: ObjectiveFigures, value: float | None) -> float | None:
    if value is None or objective.baseline is None or objective.target is None:
        return None
    return progress(objective.baseline, objective.target, value, direction=objective.direction)
