"""Where a `field` named by a refusal or a SmartProblem shows in each modal: the one map.

Field names are the services' ("title", "why", "level", "parent", "due_date", "owner",
"objective.<index>.<metric|unit|baseline|target>"); see bot/services/errors/. The check-in
form's ("confidence", "expectations", "obstacles", "follow_up", "objective.<id>") are placed by
`checkin_answer_block`.
"""

from collections.abc import Collection, Mapping

from bot.domain.smart import OBJECTIVE_FIELDS
from handlers.ids import BlockId, CallbackId, checkin_objective_block_id, objective_block_id

_FORMS: Mapping[CallbackId, Mapping[str, BlockId]] = {
    CallbackId.GOAL_MODAL: {
        "title": BlockId.GOAL_TITLE,
        "why": BlockId.GOAL_WHY,
        "level": BlockId.GOAL_LEVEL,
        "parent": BlockId.GOAL_PARENT,
        "due_date": BlockId.GOAL_DUE,
    },
    CallbackId.OBJECTIVE_MODAL: {"due_date": BlockId.OBJECTIVE_DUE},
    CallbackId.STRATEGY_MODAL: {"title": BlockId.STRATEGY_TITLE},
    CallbackId.TACTIC_MODAL: {
        "title": BlockId.TACTIC_TITLE,
        "owner": BlockId.TACTIC_OWNER,
        "due_date": BlockId.TACTIC_DUE,
    },
}


def split_objective_field(field: str) -> tuple[int, str] | None:
    """ "objective.2.baseline" → (2, "baseline"); anything else → None."""
    parts = field.split(".")
    if len(parts) != 3 or parts[0] != "objective" or not parts[1].isascii() or not parts[1].isdigit():
        return None
    if parts[2] not in OBJECTIVE_FIELDS:
        return None
    return int(parts[1]), parts[2]


def block_for(
    form: CallbackId,
    field: str | None,
    *,
    objective_rows: int = 1,
    shown: Collection[str] | None = None,
) -> str | None:
    """The block id of `field`'s input in `form`, or None when the form has no such input.

    The goal modal has `objective_rows` rows; the objective modal has one (row 0). `shown`, when
    given, is the block ids the view actually had (the goal modal omits its parent select when
    there is nothing to pick).
    """
    if field is None:
        return None
    block: str | None = None
    if field in _FORMS[form]:
        block = str(_FORMS[form][field])
    elif form in (CallbackId.GOAL_MODAL, CallbackId.OBJECTIVE_MODAL):
        objective = split_objective_field(field)
        rows = objective_rows if form == CallbackId.GOAL_MODAL else 1
        if objective is not None and objective[0] < rows:
            block = objective_block_id(*objective)
    if block is None or (shown is not None and block not in shown):
        return None
    return block


def shown_blocks(view: Mapping) -> set[str] | None:
    """Block ids in a submitted view, or None when the payload carries no blocks to go by."""
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        return None
    return {str(b["block_id"]) for b in blocks if isinstance(b, Mapping) and b.get("block_id")}


def checkin_answer_block(field: str | None, view: dict) -> str:
    """Where a refusal shows on the check-in form: under the input it names, else under its first input."""
    block = None
    if field == "confidence":
        block = str(BlockId.CHECKIN_CONFIDENCE)
    elif field == "follow_up":
        block = str(BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION)
    elif field == "expectations":
        block = str(BlockId.CHECKIN_EXPECTATIONS)
    elif field == "obstacles":
        block = str(BlockId.CHECKIN_OBSTACLES)
    elif field and field.startswith("objective.") and field[10:].isdigit():
        block = checkin_objective_block_id(int(field[10:]))
    shown = shown_blocks(view)
    if block is not None and (shown is None or block in shown):
        return block
    return first_checkin_input(view)


def first_checkin_input(view: dict) -> str:
    found = view.get("blocks")
    blocks: list = found if isinstance(found, list) else []
    inputs = [b.get("block_id") for b in blocks if isinstance(b, dict) and b.get("type") == "input"]
    return str(inputs[0]) if inputs and inputs[0] else str(BlockId.CHECKIN_CONFIDENCE)
