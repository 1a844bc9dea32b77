"""Storage: SQLAlchemy 2 typed models, query helpers and Alembic migrations."""

from models.answers import (
    AnonymousAnswer,
    AnonymousAnswerNumber,
    AnonymousClose,
    AnonymousFlag,
    Answer,
    AnswerNumber,
)
from models.base import Base
from models.checkins import CheckinPlan, Delivery, Schedule
from models.console import ConsoleTime
from models.events import ProcessedEvent
from models.followups import FollowUp, FollowupMessage, FollowupSettings
from models.goals import (
    Direction,
    Goal,
    GoalLevel,
    GoalStatus,
    Measurement,
    MonthlyFocus,
    Objective,
    Strategy,
    Tactic,
)
from models.jobs import JobClaim
from models.list_versions import ListVersion
from models.pacing import WorkspaceLease
from models.people import Holiday, Membership, Person
from models.reports import DigestSnapshot, ReportCursor, ReportPost, ReportSettings
from models.theme_tallies import ThemePerson, ThemeTally
from models.workspaces import Workspace, WorkspaceState

__all__ = [
    "AnonymousAnswer",
    "AnonymousAnswerNumber",
    "AnonymousClose",
    "AnonymousFlag",
    "Answer",
    "AnswerNumber",
    "Base",
    "CheckinPlan",
    "ConsoleTime",
    "Delivery",
    "DigestSnapshot",
    "Direction",
    "FollowUp",
    "FollowupMessage",
    "FollowupSettings",
    "Goal",
    "GoalLevel",
    "GoalStatus",
    "Holiday",
    "JobClaim",
    "ListVersion",
    "Measurement",
    "Membership",
    "MonthlyFocus",
    "Objective",
    "Person",
    "ProcessedEvent",
    "ReportCursor",
    "ReportPost",
    "ReportSettings",
    "Schedule",
    "Strategy",
    "Tactic",
    "ThemePerson",
    "ThemeTally",
    "Workspace",
    "WorkspaceLease",
    "WorkspaceState",
]

# Imported for effect: slack_sdk's installation and OAuth state tables join Base.metadata
# (models/installations.py), and the session events keep list versions in step with every write.
import models.installations
import models.list_version_events  # noqa: F401
