"""Storage: SQLAlchemy 2 typed models, query helpers and Alembic migrations."""

from models.base import Base
from models.events import ProcessedEvent
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

__all__ = [
    "Base",
    "Direction",
    "Goal",
    "GoalLevel",
    "GoalStatus",
    "Measurement",
    "MonthlyFocus",
    "Objective",
    "ProcessedEvent",
    "Strategy",
    "Tactic",
]
