"""What a use case can refuse, as data. Services never word a refusal for Slack.

Each refusal is a dataclass holding the facts a person needs (refs, owner ids, names, dates);
the wording, mentions and "run /goals …" advice live in `handlers/views/refusals.py`.
`field` names the form input a refusal concerns, with SmartProblem's names ("title", "why",
"due_date", "parent", "objective.<index>.<metric|unit|baseline|target>") plus "owner" (a
tactic's owner), so a modal can show it under that input (handlers/fields.py maps names to
block ids). A refusal that is always about one input says so in its class (`field` default);
one about no input in particular (not found, not allowed) has `field=None`.

One module per area (base, goals, measurements, breakdown, focus); import from here.
"""

from bot.services.errors.base import (
    NoWorkspace,
    ServiceError,
    StaleForm,
    TextTooLong,
)
from bot.services.errors.breakdown import (
    AlreadyBrokenDown,
    BreakdownTooLarge,
    NoObjectivesToSplit,
    NotAnnual,
)
from bot.services.errors.focus import (
    FocusMonthOver,
    FocusNeedsChannel,
    GoalInOtherChannel,
)
from bot.services.errors.goals import (
    AmbiguousObjective,
    DueAfterParent,
    DueDateInPast,
    DueTooFar,
    GoalArchived,
    GoalNotFound,
    NoObjectiveNamed,
    NotArchived,
    NotEditor,
    NotTacticCompleter,
    ObjectiveCandidate,
    ObjectiveNotFound,
    ParentIsDescendant,
    ParentNotFound,
    SmartIncomplete,
    StrategyNotFound,
    TacticNotFound,
    TitleMissing,
)
from bot.services.errors.measurements import (
    MeasurementNotFound,
    MeasurementOutOfRange,
    NothingToUndo,
    UndoNotAllowed,
)

__all__ = [
    "AlreadyBrokenDown",
    "AmbiguousObjective",
    "BreakdownTooLarge",
    "DueAfterParent",
    "DueDateInPast",
    "DueTooFar",
    "FocusMonthOver",
    "FocusNeedsChannel",
    "GoalArchived",
    "GoalInOtherChannel",
    "GoalNotFound",
    "MeasurementNotFound",
    "MeasurementOutOfRange",
    "NoObjectiveNamed",
    "NoObjectivesToSplit",
    "NoWorkspace",
    "NotAnnual",
    "NotArchived",
    "NotEditor",
    "NotTacticCompleter",
    "NothingToUndo",
    "ObjectiveCandidate",
    "ObjectiveNotFound",
    "ParentIsDescendant",
    "ParentNotFound",
    "ServiceError",
    "SmartIncomplete",
    "StaleForm",
    "StrategyNotFound",
    "TacticNotFound",
    "TextTooLong",
    "TitleMissing",
    "UndoNotAllowed",
]
