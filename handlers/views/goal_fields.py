"""Where each SmartProblem `field` lives in the goal modal, and how people call it.

The modal shows `objective_rows(meta)` rows of objective inputs; row i of the form is
`draft.objectives[i]` and, when editing, `meta.objective_ids[i]`.
"""

from collections.abc import Sequence

from bot.domain.drafts import SmartProblem
from bot.domain.enums import SmartPart
from handlers.fields import block_for, split_objective_field
from handlers.ids import BlockId, CallbackId
from handlers.metadata import GoalModalMeta
from handlers.views.format import truncate

# 6 goal blocks + 5 per row stays far below a view's 100 blocks.
MAX_OBJECTIVE_ROWS = 15

# A problem whose field has no input in this form goes where its SMART part is best fixed.
_FALLBACK = {SmartPart.RELEVANT: BlockId.GOAL_WHY, SmartPart.TIME_BOUND: BlockId.GOAL_DUE}


def objective_rows(meta: GoalModalMeta) -> int:
    return max(0, min(meta.objective_rows, MAX_OBJECTIVE_ROWS))


def field_block_id(field: str, rows: int, *, with_parent: bool) -> str | None:
    """The block id of the input for `field`, or None when this form has no such input."""
    if field == "parent" and not with_parent:
        return None
    return block_for(CallbackId.GOAL_MODAL, field, objective_rows=rows)


def problems_by_block(
    problems: Sequence[SmartProblem], rows: int, *, with_parent: bool
) -> dict[str, list[str]]:
    """Hints grouped by the block that should show them, in the order they came."""
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        block_id = field_block_id(problem.field, rows, with_parent=with_parent)
        block_id = block_id or str(_FALLBACK.get(problem.part, BlockId.GOAL_TITLE))
        hints = grouped.setdefault(block_id, [])
        if problem.hint not in hints:
            hints.append(problem.hint)
    return grouped


def join_within(hints: Sequence[str], limit: int) -> str:
    """The first hint (cut if it must be), then whichever others still fit whole."""
    text = truncate(hints[0], limit) if hints else ""
    for hint in hints[1:]:
        if len(text) + 1 + len(hint) <= limit:
            text = f"{text} {hint}"
    return text


def field_label(field: str) -> str:
    objective = split_objective_field(field)
    if objective is not None:
        index, name = objective
        return name if index == 0 else f"{name} of objective {index + 1}"
    return truncate(field.replace("_", " "), 40)


def missing_summary(problems: Sequence[SmartProblem]) -> str:
    """ "Still missing: measurable (baseline), relevant (why)", parts in SMART order."""
    labels: dict[SmartPart, list[str]] = {}
    for problem in problems:
        names = labels.setdefault(problem.part, [])
        label = field_label(problem.field)
        if label not in names:
            names.append(label)
    parts = [f"{part.value} ({', '.join(labels[part])})" for part in SmartPart if part in labels]
    return f"Still missing: {', '.join(parts)}"
