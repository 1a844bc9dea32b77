"""Reading a submitted goal modal back into a GoalDraft for check_smart and the services."""

from datetime import date

from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.enums import GoalLevel
from bot.domain.refs import RefKind, parse_ref
from bot.domain.smart import OBJECTIVE_FIELDS
from handlers.ids import BlockId, objective_block_id
from handlers.metadata import GoalModalMeta
from handlers.views.form_reader import FormReader
from handlers.views.goal_fields import objective_rows

NO_PARENT = "none"  # the "Part of" option that says the goal stands on its own


def read_goal_form(
    values: object, meta: GoalModalMeta, *, today: date | None = None
) -> tuple[GoalDraft, dict[str, str]]:
    """The draft as submitted (start_date None) and errors by block id for text we could not read.

    `draft.objectives[i]` is always row i of the form (and `meta.objective_ids[i]` when editing):
    only blank rows after the last filled one are dropped, so a blank row between two filled
    ones stays as an empty ObjectiveDraft for check_smart to point at. Unreadable numbers and
    dates are None in the draft and have an entry in the errors. With `today`, the due date may
    be any phrase the command line takes ("end of June").

    "Part of" left empty keeps the parent the form opened with (`meta.parent_id`): the select
    cannot always show it (a parent outside the choices), and leaving a field alone must not
    change it. Only the "No bigger goal" option removes the parent.
    """
    form = FormReader(values, today=today)
    rows = [_read_objective(form, index) for index in range(objective_rows(meta))]
    filled = [index for index in range(len(rows)) if _row_filled(form, index)]
    draft = GoalDraft(
        title=form.text(BlockId.GOAL_TITLE) or "",
        why=form.text(BlockId.GOAL_WHY),
        level=_level(form.option(BlockId.GOAL_LEVEL)),
        parent_id=_parent_id(form.option(BlockId.GOAL_PARENT), meta),
        due_date=form.date(BlockId.GOAL_DUE),
        objectives=tuple(rows[: filled[-1] + 1]) if filled else (),
    )
    return draft, form.errors


def _read_objective(form: FormReader, index: int) -> ObjectiveDraft:
    return ObjectiveDraft(
        metric=form.text(objective_block_id(index, "metric")),
        unit=form.text(objective_block_id(index, "unit")),
        baseline=form.number(objective_block_id(index, "baseline")),
        target=form.number(objective_block_id(index, "target")),
    )


def _row_filled(form: FormReader, index: int) -> bool:
    return any(form.filled(objective_block_id(index, field)) for field in OBJECTIVE_FIELDS)


def _level(value: str | None) -> GoalLevel | None:
    return GoalLevel(value) if value in {level.value for level in GoalLevel} else None


def _parent_id(value: str | None, meta: GoalModalMeta) -> int | None:
    if value is None:
        return meta.parent_id
    return None if value == NO_PARENT else _goal_id(value)


def _goal_id(value: str | None) -> int | None:
    # Option values are goal ids; parse_ref keeps junk from reaching the database as an overflow.
    ref = parse_ref(value, RefKind.GOAL) if value else None
    return ref.id if ref else None
