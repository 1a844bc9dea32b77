"""Every action, block and callback id in one place, so views and listeners cannot drift apart."""

import enum
import re

from bot.domain.smart import OBJECTIVE_FIELDS


class CallbackId(enum.StrEnum):
    GOAL_MODAL = "goal_modal"
    OBJECTIVE_MODAL = "objective_modal"
    STRATEGY_MODAL = "strategy_modal"
    TACTIC_MODAL = "tactic_modal"
    UPDATE_OBJECTIVE_MODAL = "update_objective_modal"
    CHECKIN_SCHEDULE_MODAL = "checkin_schedule_modal"
    CHECKIN_ANSWER_MODAL = "checkin_answer_modal"
    FOLLOWUP_RESOLVE_MODAL = "followup_resolve_modal"
    FOLLOWUP_NOT_OURS_MODAL = "followup_not_ours_modal"


class ActionId(enum.StrEnum):
    # A check-in prompt in a person's DM. Values carry the delivery id; for an anonymous answer
    # already given, the Edit button carries the answer's random id instead (only that DM knows it).
    CHECKIN_ANSWER = "checkin_answer"  # value: delivery id
    CHECKIN_EDIT = "checkin_edit"  # value: see CheckinButtonValue (handlers/metadata.py)
    CHECKIN_CONFIDENCE_1 = "checkin_confidence_1"  # value: delivery id
    CHECKIN_CONFIDENCE_2 = "checkin_confidence_2"
    CHECKIN_CONFIDENCE_3 = "checkin_confidence_3"
    CHECKIN_CONFIDENCE_4 = "checkin_confidence_4"
    CHECKIN_CONFIDENCE_5 = "checkin_confidence_5"
    ADD_OBJECTIVE = "goal_add_objective"  # value: goal id
    ADD_STRATEGY = "goal_add_strategy"  # value: goal id
    ADD_TACTIC = "strategy_add_tactic"  # value: strategy id
    TACTIC_DONE = "tactic_done"  # value: tactic id
    EDIT_GOAL = "goal_edit"  # value: goal id
    ARCHIVE_GOAL = "goal_archive"  # value: goal id; asks before archiving
    ARCHIVE_CONFIRM = "goal_archive_confirm"  # value: goal id; archives it with its targets
    ARCHIVE_KEEP_TARGETS = "goal_archive_keep_targets"  # value: goal id; its targets stay as goals
    ARCHIVE_CANCEL = "goal_archive_cancel"  # value: goal id
    BREAK_DOWN = "goal_break_down"  # value: goal id
    SHOW_GOAL = "goal_show"  # value: goal id
    FOCUS_REPLACE = "focus_replace"  # value: goal id
    FOCUS_KEEP = "focus_keep"  # value: goal id
    UNDO_MEASUREMENT = "measurement_undo"  # value: measurement id
    CONFIRM_MEASUREMENT = "measurement_confirm"  # value: measurement_actions.PendingMeasurement JSON
    CANCEL_MEASUREMENT = "measurement_cancel"  # value: objective id
    # value: what follows `/goals list` for that page, e.g. "3" or "archived 2"
    LIST_PREVIOUS = "goal_list_previous"
    LIST_MORE = "goal_list_more"
    # App Home has no response_url: these answer by opening a modal or republishing Home.
    HOME_UPDATE_OBJECTIVE = "home_update_objective"  # value: objective id
    HOME_TACTIC_DONE = "home_tactic_done"  # value: tactic id
    # A customer follow-up's post in the channel; value: the follow-up id.
    FOLLOWUP_TAKE = "followup_take"
    FOLLOWUP_RESOLVE = "followup_resolve"
    FOLLOWUP_NOT_OURS = "followup_not_ours"
    # value: the page number of `/goals followups` (More; Previous has its own id, as Slack wants
    # action ids unique within a block)
    FOLLOWUP_LIST_PAGE = "followup_list_page"
    FOLLOWUP_LIST_PREVIOUS = "followup_list_previous"
    # The month-end reminder: make a goal next month's main goal. value: "<goal id>:<YYYY-MM>"
    REPORT_FOCUS_NEXT = "report_focus_next"
    # Input elements inside modals; Slack needs an action id on each.
    INPUT = "input"


class BlockId(enum.StrEnum):
    GOAL_TITLE = "goal_title"
    GOAL_WHY = "goal_why"
    GOAL_LEVEL = "goal_level"
    GOAL_PARENT = "goal_parent"
    GOAL_DUE = "goal_due"
    GOAL_ACTIONS = "goal_actions"
    STRATEGY_TITLE = "strategy_title"
    TACTIC_TITLE = "tactic_title"
    TACTIC_OWNER = "tactic_owner"
    TACTIC_DUE = "tactic_due"
    SMART_HINTS = "smart_hints"
    OBJECTIVE_DUE = "objective_due"
    FOCUS_ACTIONS = "focus_actions"
    MEASUREMENT_ACTIONS = "measurement_actions"
    LIST_PAGES = "goal_list_pages"
    ARCHIVE_ACTIONS = "archive_actions"
    UPDATE_VALUE = "update_value"
    UPDATE_NOTE = "update_note"
    FOLLOWUP_NOTE = "followup_note"
    FOLLOWUP_ACTIONS = "followup_actions"  # on the post in the channel
    FOLLOWUP_REMINDER_ACTIONS = "followup_reminder_actions"  # on an overdue reminder (a DM or the channel)
    # The check-in schedule modal (/checkin schedule).
    CHECKIN_AUDIENCE = "checkin_audience"
    CHECKIN_EXCLUDED = "checkin_excluded"
    CHECKIN_WEEKDAYS = "checkin_weekdays"
    CHECKIN_TIME = "checkin_time"
    CHECKIN_WINDOW = "checkin_window"
    CHECKIN_REMINDERS = "checkin_reminders"
    CHECKIN_REMINDER_AFTER = "checkin_reminder_after"
    CHECKIN_QUIET_START = "checkin_quiet_start"
    CHECKIN_QUIET_END = "checkin_quiet_end"
    CHECKIN_OBJECTIVES = "checkin_objectives"
    CHECKIN_QUESTIONS = "checkin_questions"
    CHECKIN_ANONYMOUS = "checkin_anonymous"
    CHECKIN_MIN_ANSWERS = "checkin_min_answers"
    # The check-in answer modal; each objective's number is checkin_objective_block_id(id).
    CHECKIN_CONFIDENCE = "checkin_confidence"
    CHECKIN_EXPECTATIONS = "checkin_expectations"
    CHECKIN_OBSTACLES = "checkin_obstacles"
    CHECKIN_CATEGORY = "checkin_category"
    CHECKIN_FOLLOW_UP = "checkin_follow_up"
    CHECKIN_FOLLOW_UP_DESCRIPTION = "checkin_follow_up_description"


def objective_block_id(index: int, field: str) -> str:
    """Block id of one objective field in a form; rows are numbered from 0."""
    if field not in OBJECTIVE_FIELDS:
        raise ValueError(f"unknown objective field {field!r}")
    return f"objective_{index}_{field}"


def checkin_objective_block_id(objective_id: int) -> str:
    """Block id of the number for objective O<id> in the check-in modal."""
    return f"checkin_objective_{objective_id}"


_FOLLOWUP_LIST_ITEM = re.compile(r"followup_list_(\d{1,6})_\d{1,19}")


def followup_list_block_id(page: int, followup_id: int) -> str:
    """Block id of one follow-up's buttons in `/goals followups`: its page, so a press can redraw it."""
    return f"followup_list_{page}_{followup_id}"


def followup_list_page(block_id: object) -> int | None:
    """The page a `/goals followups` button was pressed on, or None for any other block."""
    found = _FOLLOWUP_LIST_ITEM.fullmatch(block_id) if isinstance(block_id, str) else None
    return int(found.group(1)) if found else None


CHECKIN_CONFIDENCE = (
    ActionId.CHECKIN_CONFIDENCE_1,
    ActionId.CHECKIN_CONFIDENCE_2,
    ActionId.CHECKIN_CONFIDENCE_3,
    ActionId.CHECKIN_CONFIDENCE_4,
    ActionId.CHECKIN_CONFIDENCE_5,
)
