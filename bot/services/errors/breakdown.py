"""Refusals about breaking an annual goal down into quarters and months."""

from dataclasses import dataclass

from bot.domain.enums import GoalLevel
from bot.services.errors.base import ServiceError


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


@dataclass(eq=False)
class BreakdownTooLarge(ServiceError):
    """Breaking the goal down would create `periods` goals, over the `limit` one goal may have."""

    goal_ref: str
    periods: int
    limit: int
