"""The fixed vocabularies of check-ins; the models store their `.value` as plain strings."""

import enum

from bot.domain.outbox import OutboxState


class Weekday(enum.IntEnum):
    """Numbered as `date.weekday()` numbers them, so a local date's weekday is `Weekday(d.weekday())`."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6

    @property
    def short(self) -> str:
        return self.name.lower()


class Category(enum.StrEnum):
    QUALITY = "quality"
    SERVICE = "service"
    RESPONSIVENESS = "responsiveness"
    COMMUNICATION = "communication"
    OTHER = "other"


class DeliveryKind(enum.StrEnum):
    PROMPT = "prompt"
    REMINDER = "reminder"


# A delivery is an outbox row like any other: its states are the outbox's (bot/domain/outbox.py).
DeliveryState = OutboxState


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    RESOLVED = "resolved"
    NOT_OURS = "not_ours"
