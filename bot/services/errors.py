"""What a use case can refuse, as data. Services never word a refusal for Slack.

Each refusal is a dataclass holding the facts a person needs (ids, names, limits); the wording,
mentions and "run /goals …" advice live in `handlers/views/refusals.py`. `field` names the form
input a refusal concerns, with SmartProblem's names ("title", "why", "due_date", "parent",
"objective.<index>.<metric|unit|baseline|target>", …), so a modal can show it under that input.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from bot.domain.drafts import SmartProblem


@dataclass(eq=False)
class ServiceError(Exception):
    """Base for refusals that go back to the person as an ephemeral message or a form error."""

    field: str | None = dataclass_field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        # str() shows the facts (for logs and tests), never a sentence meant for a person.
        Exception.__init__(self, repr(self))


# Legacy refusals that still carry a sentence. Issue 5 §2 replaces each use with a refusal
# that carries data; new code must not raise these.
@dataclass(eq=False)
class NotFound(ServiceError):
    message: str


@dataclass(eq=False)
class NotAllowed(ServiceError):
    message: str


@dataclass(eq=False)
class InvalidInput(ServiceError):
    message: str


@dataclass(eq=False)
class Ambiguous(ServiceError):
    message: str


@dataclass(eq=False)
class SmartIncomplete(ServiceError):
    """Nothing was stored: the draft still misses SMART parts."""

    problems: Sequence[SmartProblem]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.problems = tuple(self.problems)


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
