"""Refusals about a channel's main goal for a month (`/goals focus`)."""

from dataclasses import dataclass
from datetime import date

from bot.services.errors.base import ServiceError


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
