"""Refusals about goals and what hangs under them: not found, who may change them, what cannot be stored."""

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from bot.domain.drafts import SmartProblem
from bot.domain.enums import GoalStatus
from bot.services.errors.base import ServiceError


@dataclass(eq=False)
class SmartIncomplete(ServiceError):
    """Nothing was stored: the draft still misses SMART parts (each problem names its own field)."""

    problems: Sequence[SmartProblem]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.problems = tuple(self.problems)


@dataclass(eq=False)
class GoalNotFound(ServiceError):
    ref: str  # "G12"


@dataclass(eq=False)
class GoalArchived(ServiceError):
    """`ref` ("G12", "O7", "S2", "T3") is, or belongs to, the archived goal `goal_ref`: it exists,
    and `/goals restore <goal_ref>` brings it back."""

    ref: str
    goal_ref: str


@dataclass(eq=False)
class ParentNotFound(ServiceError):
    ref: str
    field: str | None = dataclass_field(default="parent", kw_only=True)


@dataclass(eq=False)
class StrategyNotFound(ServiceError):
    ref: str  # "S2"


@dataclass(eq=False)
class TacticNotFound(ServiceError):
    ref: str  # "T3"


@dataclass(eq=False)
class ObjectiveNotFound(ServiceError):
    ref: str  # "O7"


@dataclass(eq=False)
class NoObjectiveNamed(ServiceError):
    name: str


@dataclass(frozen=True)
class ObjectiveCandidate:
    ref: str
    metric: str
    target: float


@dataclass(eq=False)
class AmbiguousObjective(ServiceError):
    """More than one objective answers to `name`; `candidates` are the first few, by id."""

    name: str
    candidates: Sequence[ObjectiveCandidate]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.candidates = tuple(self.candidates)


@dataclass(eq=False)
class NotEditor(ServiceError):
    """Only the goal's owner or a workspace admin may change the goal `ref`."""

    ref: str
    owner_id: str


@dataclass(eq=False)
class NotTacticCompleter(ServiceError):
    """Only the tactic's owner, the goal's owner or an admin may tick tactic `ref` off."""

    ref: str
    tactic_owner_id: str
    goal_owner_id: str


@dataclass(eq=False)
class DueDateInPast(ServiceError):
    """`kind` is what is being added ("objective", "tactic")."""

    kind: str
    due_date: date
    today: date
    field: str | None = dataclass_field(default="due_date", kw_only=True)


@dataclass(eq=False)
class TitleMissing(ServiceError):
    kind: str  # "strategy", "tactic"
    field: str | None = dataclass_field(default="title", kw_only=True)


@dataclass(eq=False)
class ParentIsDescendant(ServiceError):
    """Goal `ref` cannot sit under `parent_ref`: that would make a loop."""

    ref: str
    parent_ref: str
    field: str | None = dataclass_field(default="parent", kw_only=True)


@dataclass(eq=False)
class DueTooFar(ServiceError):
    """Nothing was stored: a due date (in `field`) lies after `latest`, the furthest we accept."""

    due: date
    latest: date


@dataclass(eq=False)
class DueAfterParent(ServiceError):
    """Nothing was stored: the goal would be due on `due`, after its parent `parent_ref` (due
    `parent_due`); a part of a goal ends when the goal does."""

    parent_ref: str
    parent_due: date
    due: date
    field: str | None = dataclass_field(default="due_date", kw_only=True)


@dataclass(eq=False)
class NotArchived(ServiceError):
    """`restore` was asked for a goal that is not archived."""

    goal_id: int
    status: GoalStatus
