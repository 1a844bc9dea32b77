"""What the follow-up use cases refuse, as facts (wording: handlers/views/refusals.py).

Field names: "note" (a resolution note or a "not ours" reason), "due" (`/goals followups due`).
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from bot.services.errors import ServiceError


@dataclass(eq=False)
class FollowupNotFound(ServiceError):
    """No such follow-up in this workspace (ids from elsewhere look exactly like unknown ones)."""

    followup_id: int


@dataclass(eq=False)
class FollowupClosed(ServiceError):
    """Already resolved or "not ours": a stale button or a second click."""

    followup_id: int
    status: str  # "resolved" | "not_ours"
    closed_by: str | None


@dataclass(eq=False)
class FollowupTakenByOther(ServiceError):
    followup_id: int
    owner_id: str


@dataclass(eq=False)
class NotFollowupOwner(ServiceError):
    """Someone else took it on; only they or an admin may close it."""

    followup_id: int
    owner_id: str


@dataclass(eq=False)
class FollowupNoteMissing(ServiceError):
    resolved: bool  # True: a resolution note; False: the reason it is not ours
    field: str | None = dataclass_field(default="note", kw_only=True)


@dataclass(eq=False)
class FollowupDueOutOfRange(ServiceError):
    hours: int
    most: int
    field: str | None = dataclass_field(default="due", kw_only=True)


@dataclass(eq=False)
class FollowupChannelUnknown(ServiceError):
    """`/goals followups channel …`: no channel by that name or id that the bot can see."""

    typed: str  # "#random" or "CNOPE0000"


@dataclass(eq=False)
class FollowupChannelNotMember(ServiceError):
    """The channel exists but the bot is not in it, so it could not post there."""

    channel_id: str


@dataclass(eq=False)
class FollowupChannelArchived(ServiceError):
    channel_id: str
