"""The small "Update" modal App Home opens to record where one objective stands now."""

from slack_sdk.models.views import View

from bot.services.home import ObjectiveToUpdate
from handlers.ids import BlockId, CallbackId
from handlers.metadata import UpdateObjectiveModalMeta
from handlers.views.blocks import context
from handlers.views.form_reader import FormReader
from handlers.views.format import escape, format_value, truncate
from handlers.views.inputs import input_block, number_input, text_input

NOTE_MAX = 2000


def build_update_modal(meta: UpdateObjectiveModalMeta, item: ObjectiveToUpdate) -> View:
    objective = item.objective
    now = format_value(objective.current, objective.unit)
    target = format_value(objective.target, objective.unit)
    about = (
        f"*{objective.ref} · {escape(truncate(objective.metric, 150))}* for "
        f"{item.goal_ref} · {escape(truncate(item.goal_title, 150))}\n"
        f"Now {escape(now)} → target {escape(target)}"
    )
    return View(
        type="modal",
        callback_id=str(CallbackId.UPDATE_OBJECTIVE_MODAL),
        title="Record progress",
        submit="Record",
        close="Cancel",
        private_metadata=meta.dump(),
        blocks=[
            context(about),
            input_block(BlockId.UPDATE_VALUE, "Where it stands now", number_input()),
            input_block(
                BlockId.UPDATE_NOTE,
                "Note",
                text_input(NOTE_MAX, "after the weekend push", multiline=True),
                optional=True,
            ),
        ],
    )


def read_update_form(values: object) -> tuple[float | None, str | None, dict[str, str]]:
    """(value, note, errors by block id); a missing value is an error, never a stored zero."""
    form = FormReader(values)
    value = form.number(BlockId.UPDATE_VALUE)
    if value is None:
        form.fail(BlockId.UPDATE_VALUE, "Enter where it stands now, e.g. 82")
    return value, form.text(BlockId.UPDATE_NOTE), form.errors
