"""Every message builder about goals, in one import for the listeners."""

from handlers.views.goal_list import build_goal_list
from handlers.views.goal_tree import build_goal_tree
from handlers.views.measurement_notices import (
    build_confirm_measurement,
    build_measurement_recorded,
    build_measurement_undone,
    recorded_blocks,
)
from handlers.views.notices import (
    build_error,
    build_focus_confirm,
    build_focus_set,
    build_goal_saved,
    build_help,
)

__all__ = [
    "build_confirm_measurement",
    "build_error",
    "build_focus_confirm",
    "build_focus_set",
    "build_goal_list",
    "build_goal_saved",
    "build_goal_tree",
    "build_help",
    "build_measurement_recorded",
    "build_measurement_undone",
    "recorded_blocks",
]
