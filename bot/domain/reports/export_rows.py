"""The rows the services read for an export, one dataclass per file."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class GoalRow:
    ref: str  # "G12"
    title: str
    level: str
    status: str
    start: date
    due: date
    parent: str | None = None  # "G3"
    owner: str | None = None  # a display name or user id, as the caller chooses
    why: str | None = None

    def cells(self) -> Sequence[object]:
        return (
            self.ref,
            self.title,
            self.level,
            self.status,
            self.start,
            self.due,
            self.parent,
            self.owner,
            self.why,
        )


@dataclass(frozen=True)
class MeasurementRow:
    goal: str
    objective: str  # "O7"
    metric: str
    unit: str | None
    baseline: float | None
    target: float | None
    measured_on: date  # a date only: measurements from anonymous check-ins have no time
    value: float
    by: str | None = None  # None for anonymous check-ins

    def cells(self) -> Sequence[object]:
        return (
            self.goal,
            self.objective,
            self.metric,
            self.unit,
            self.baseline,
            self.target,
            self.measured_on,
            self.value,
            self.by,
        )


@dataclass(frozen=True)
class AnswerRow:
    answered_on: date
    question: str
    answer: str
    category: str | None = None
    anonymous: bool = False
    author: str | None = None  # never set for anonymous answers
    answered_at: datetime | None = None  # local time, named answers only
    late: bool = False

    def __post_init__(self) -> None:
        if self.anonymous and (
            self.author is not None or self.answered_at is not None or self.category is not None
        ):
            # The category is a row of its own: repeated on each row, it would tie them together.
            raise ValueError("an anonymous answer carries only its date: no author, time or category")


@dataclass(frozen=True)
class FollowupRow:
    ref: str
    description: str
    opened: datetime
    due: datetime
    status: str  # "open", "resolved", "not ours"
    owner: str | None = None
    closed: datetime | None = None
    resolution: str | None = None

    def cells(self) -> Sequence[object]:
        return (
            self.ref,
            self.description,
            self.opened,
            self.due,
            self.owner,
            self.status,
            self.closed,
            self.resolution,
        )
