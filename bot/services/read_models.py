"""Plain, detached views of stored goals, handed from services to Block Kit builders."""

from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.enums import Direction, GoalLevel, GoalStatus, PaceStatus


@dataclass(frozen=True)
class ObjectiveSummary:
    id: int
    ref: str  # short id shown to people, e.g. "O7"
    goal_id: int
    metric: str
    unit: str | None
    baseline: float
    target: float
    direction: Direction
    due_date: date
    current: float  # latest measurement, or the baseline when none yet
    progress: float | None  # fraction of baseline→target covered; may be <0 or >1
    expected: float  # fraction that linear pacing expects by today
    status: PaceStatus
    last_measured_at: datetime | None
    measurement_count: int
    tracks_ref: str | None = None  # "O3": a broken-down target reads that objective's measurements


@dataclass(frozen=True)
class MeasurementSummary:
    id: int
    objective_ref: str  # the goal's own objective it counts for, e.g. "O7"
    metric: str
    unit: str | None
    value: float
    user_id: str | None  # None for a number from an anonymous check-in
    recorded_at: datetime
    note: str | None


@dataclass(frozen=True)
class TacticSummary:
    id: int
    ref: str  # "T3"
    title: str
    owner_id: str
    due_date: date
    done: bool


@dataclass(frozen=True)
class StrategySummary:
    id: int
    ref: str  # "S2"
    title: str
    tactics: tuple[TacticSummary, ...]


@dataclass(frozen=True)
class GoalSummary:
    id: int
    ref: str  # "G12"
    title: str
    why: str | None
    owner_id: str
    channel_id: str | None
    level: GoalLevel
    parent_id: int | None
    parent_ref: str | None
    parent_title: str | None
    start_date: date
    due_date: date
    status: GoalStatus
    pace: PaceStatus  # weakest of its objectives
    progress: float | None  # mean of its objectives' progress
    objectives: tuple[ObjectiveSummary, ...]
    is_focus: bool  # the channel's main goal this month


@dataclass(frozen=True)
class GoalTree:
    goal: GoalSummary
    strategies: tuple[StrategySummary, ...]
    children: tuple[GoalSummary, ...]  # quarterly/monthly targets broken out of it
    recent: tuple[MeasurementSummary, ...] = ()  # newest first


@dataclass(frozen=True)
class GoalPage:
    goals: tuple[GoalSummary, ...]
    page: int  # counted from 1; may be past the last page, and then `goals` is empty
    page_size: int
    total: int  # goals in the channel with this status, on every page
    archived: bool

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def first_shown(self) -> int:
        """1-based position of the first goal on this page (0 when the page is empty)."""
        return (self.page - 1) * self.page_size + 1 if self.goals else 0

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
