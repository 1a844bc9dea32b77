"""What check-in use cases refuse, as data (see bot/services/errors/); wording lives in handlers/views.

`field` names: "weekdays", "local_time", "window", "reminders.count", "reminders.after",
"min_answers" (ScheduleProblem's), "confidence", "follow_up" (the flag's description),
"expectations", "obstacles" (with "follow_up": an answer's texts, in `TextTooLong` from
bot/services/errors), "objective.<id>" (a number for objective O<id>), "day" (a holiday's date).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.domain.checkins.spec import ScheduleProblem
from bot.services.errors import ServiceError


@dataclass(eq=False)
class ScheduleInvalid(ServiceError):
    """Nothing stored: the spec breaks `check_schedule`."""

    problems: Sequence[ScheduleProblem]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.problems = tuple(self.problems)


@dataclass(eq=False)
class NoSchedule(ServiceError):
    """The channel has no (active) check-in."""

    channel_id: str


@dataclass(eq=False)
class NotScheduleOwner(ServiceError):
    """Only the schedule's owner or a workspace admin may do this."""

    channel_id: str
    owner_id: str


@dataclass(eq=False)
class AdminOnly(ServiceError):
    """Workspace holidays are set by admins."""


@dataclass(eq=False)
class NoHoliday(ServiceError):
    day: date


@dataclass(eq=False)
class HolidayExists(ServiceError):
    """That day is a holiday already (`name`): adding it again would silently rename it."""

    day: date
    name: str


@dataclass(eq=False)
class NoOpenCheckin(ServiceError):
    """Nothing to answer now: between periods, or the period has closed."""

    channel_id: str


@dataclass(eq=False)
class AlreadyAnswered(ServiceError):
    """An anonymous check-in answered already: only its Edit button (carrying the answer id) edits it."""

    channel_id: str


@dataclass(eq=False)
class BadConfidence(ServiceError):
    value: int


@dataclass(eq=False)
class UnknownObjective(ServiceError):
    """A number for an objective that this check-in does not ask about."""

    objective_id: int


@dataclass(eq=False)
class FollowUpNeedsDescription(ServiceError):
    """The follow-up flag is set but says nothing about the customer."""


@dataclass(eq=False)
class UnknownPrompt(ServiceError):
    """A prompt id that is not one of this person's prompts here (unknown, someone else's, tampered)."""

    delivery_id: int | None
