"""Refusals about recording a number (`/goals update`) and undoing it."""

from dataclasses import dataclass

from bot.services.errors.base import ServiceError


@dataclass(eq=False)
class MeasurementOutOfRange(ServiceError):
    """Not stored: the value is not finite or beyond ±`limit` (bot.domain.numbers.MAX_MEASUREMENT).

    `field` is "value" (a measurement, `/goals update O7 <value>`), "objective.<i>.<baseline|target>"
    (a goal's numbers) or "objective.<id>" (a check-in answer's number).
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
