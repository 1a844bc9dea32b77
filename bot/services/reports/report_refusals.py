"""What the report and channel-settings use cases refuse, as facts (wording: handlers/views/refusals.py)."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from bot.services.errors import ServiceError


@dataclass(eq=False)
class NotSettingsEditor(ServiceError):
    """A channel's reminders, digests and follow-up settings are changed by a workspace admin or an
    owner of one of the channel's goals; `owner_ids` are those owners (empty: admins only)."""

    channel_id: str
    owner_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        self.owner_ids = tuple(self.owner_ids)


@dataclass(eq=False)
class PeriodBeforeChannel(ServiceError):
    """A report or export asked for a period that ended before the channel had anything in it;
    `first_day` is the channel's first goal or check-in (None: the channel has nothing yet)."""

    period: str  # "2027-03", "2027-W09"
    first_day: date | None
    export: bool = dataclass_field(default=False, kw_only=True)


@dataclass(eq=False)
class PeriodInFuture(ServiceError):
    """A report or export asked for a period that has not started yet."""

    period: str
    today: date
    export: bool = dataclass_field(default=False, kw_only=True)
