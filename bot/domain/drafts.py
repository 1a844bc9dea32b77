"""What an author has said about a goal so far, before it is stored."""

from dataclasses import dataclass, field
from datetime import date

from bot.domain.enums import GoalLevel, SmartPart


@dataclass(frozen=True)
class ObjectiveDraft:
    metric: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    # (day, value) measurements already recorded, oldest first; empty for a new objective.
    history: tuple[tuple[date, float], ...] = ()


@dataclass(frozen=True)
class GoalDraft:
    title: str = ""
    why: str | None = None
    level: GoalLevel | None = None
    parent_id: int | None = None
    start_date: date | None = None
    due_date: date | None = None
    objectives: tuple[ObjectiveDraft, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SmartProblem:
    """One missing or weak SMART part, with a hint that says what to write instead.

    `field` names the form field it belongs to: "title", "why", "due_date", "parent",
    or "objective.<index>.<metric|unit|baseline|target>".
    """

    part: SmartPart
    field: str
    hint: str
