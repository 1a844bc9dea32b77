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
class CheckedObjective:
    """An objective that passed the SMART check: named, with both numbers (text already stripped)."""

    metric: str
    unit: str | None
    baseline: float
    target: float


@dataclass(frozen=True)
class SmartGoal:
    """A goal draft that passed `smart.smart_goal`: what services store, with nothing left optional
    that SMART requires.

    `objectives[i]` is row i of the draft (so it lines up with a form's rows), None for a blank row.
    """

    title: str
    why: str | None
    level: GoalLevel | None
    parent_id: int | None
    start_date: date | None
    due_date: date
    objectives: tuple[CheckedObjective | None, ...]

    @property
    def filled_objectives(self) -> tuple[CheckedObjective, ...]:
        return tuple(row for row in self.objectives if row is not None)


@dataclass(frozen=True)
class TacticDraft:
    """A tactic as read from its form: who does what by when."""

    title: str
    owner_id: str
    due_date: date


@dataclass(frozen=True)
class SmartProblem:
    """One missing or weak SMART part, with a hint that says what to write instead.

    `field` names the form field it belongs to: "title", "why", "due_date", "parent",
    or "objective.<index>.<metric|unit|baseline|target>".
    """

    part: SmartPart
    field: str
    hint: str
