"""Telling an archived goal (or what hangs under it) from one that does not exist."""

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.errors import GoalArchived, ServiceError
from models.goals import Goal


def is_archived(goal: Goal | None) -> bool:
    return goal is not None and goal.status == GoalStatus.ARCHIVED


def gone(ref: str, goal: Goal | None, missing: ServiceError) -> ServiceError:
    """`GoalArchived` when `ref` is or belongs to an archived goal (it can be restored), else `missing`."""
    if goal is not None and goal.status == GoalStatus.ARCHIVED:
        return GoalArchived(ref, format_ref(RefKind.GOAL, goal.id), field=missing.field)
    return missing
