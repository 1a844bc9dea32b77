"""What a use case can refuse, as data. Services never word a refusal for Slack.

Each refusal is a dataclass holding the facts a person needs (refs, owner ids, names, dates);
the wording, mentions and "run /goals …" advice live in `handlers/views/refusals.py`.
`field` names the form input a refusal concerns, with SmartProblem's names ("title", "why",
"due_date", "parent", "objective.<index>.<metric|unit|baseline|target>") plus "owner" (a
tactic's owner), so a modal can show it under that input (handlers/fields.py maps names to
block ids). A refusal that is always about one input says so in its class (`field` default);
one about no input in particular (not found, not allowed) has `field=None`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from bot.domain.drafts import SmartProblem
from bot.domain.enums import GoalLevel, GoalStatus


@dataclass(eq=False)
class ServiceError(Exception):
    """Base for refusals that go back to the person as an ephemeral message or a form error."""

    field: str | None = dataclass_field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        # str() shows the facts (for logs and tests), never a sentence meant for a person.
        Exception.__init__(self, repr(self))


@dataclass(eq=False)
class SmartIncomplete(ServiceError):
    """Nothing was stored: the draft still misses SMART parts (each problem names its own field)."""

    problems: Sequence[SmartProblem]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.problems = tuple(self.problems)


@dataclass(eq=False)
class MeasurementOutOfRange(ServiceError):
    """Not stored: the value is not finite or beyond ±`limit` (bot.domain.numbers.MAX_MEASUREMENT).

    `field` is "value": the number of a measurement (`/goals update O7 <value>`).
    """

    value: float
    limit: float


@dataclass(eq=False)
class NothingToUndo(ServiceError):
    """The objective has no measurement that still counts."""

    objective_ref: str


@dataclass(eq=False)
class MeasurementNotFound(ServiceError):
    measurement_id: int


@dataclass(eq=False)
class UndoNotAllowed(ServiceError):
    """Only the measurement's author, the goal's owner or a workspace admin may undo it."""

    objective_ref: str
    author_id: str | None  # None: the number came from an anonymous check-in
    owner_id: str


# --- Nothing by that id (or name) in this workspace, or it is archived.


@dataclass(eq=False)
class GoalNotFound(ServiceError):
    ref: str  # "G12"


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
class NoWorkspace(ServiceError):
    """The request names no team or enterprise, so nothing can be scoped."""


# --- Who may do it.


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


# --- What was typed cannot be stored.


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
class StaleForm(ServiceError):
    """The form was built from rows that have changed since; nothing was stored."""


# --- Breaking a goal down.


@dataclass(eq=False)
class NotAnnual(ServiceError):
    ref: str
    level: GoalLevel


@dataclass(eq=False)
class AlreadyBrokenDown(ServiceError):
    ref: str


@dataclass(eq=False)
class NoObjectivesToSplit(ServiceError):
    ref: str


# --- A channel's main goal.


@dataclass(eq=False)
class FocusNeedsChannel(ServiceError):
    """`/goals focus` ran outside a channel (e.g. in a DM)."""


@dataclass(eq=False)
class FocusMonthOver(ServiceError):
    """A main goal was asked for a month that has already ended (e.g. an old month-end button)."""

    month: date
    today: date


@dataclass(eq=False)
class GoalInOtherChannel(ServiceError):
    ref: str
    channel_id: str


@dataclass(eq=False)
class NotArchived(ServiceError):
    """`restore` was asked for a goal that is not archived."""

    goal_id: int
    status: GoalStatus


@dataclass(eq=False)
class TextTooLong(ServiceError):
    """Nothing was stored: the text in `field` is `length` characters, over its `limit`."""

    limit: int
    length: int


@dataclass(eq=False)
class DueTooFar(ServiceError):
    """Nothing was stored: a due date (in `field`) lies after `latest`, the furthest we accept."""

    due: date
    latest: date


@dataclass(eq=False)
class BreakdownTooLarge(ServiceError):
    """Breaking the goal down would create `periods` goals, over the `limit` one goal may have."""

    goal_ref: str
    periods: int
    limit: int
