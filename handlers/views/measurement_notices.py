"""Replies about one measurement: recorded (with Undo), a confirmation for an odd value, undone."""

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.measurement_undo import Undone
from bot.services.measurements import NeedsConfirmation, Recorded
from bot.services.read_models import ObjectiveSummary
from handlers.ids import ActionId, BlockId
from handlers.views.blocks import button, context, section
from handlers.views.format import escape, format_date, format_value, progress_bar, status_badge, truncate


def build_measurement_recorded(
    objective: ObjectiveSummary,
    goal_title: str,
    *,
    previous: float | None = None,
    goal_ref: str | None = None,
    measurement_id: int | None = None,
) -> list[Block]:
    """With `measurement_id`, an Undo button: a wrong number is taken back in one click."""
    value = escape(format_value(objective.current, objective.unit))
    was = f" (was {escape(format_value(previous, objective.unit))})" if previous is not None else ""
    goal = f" {goal_ref}" if goal_ref else ""
    metric = escape(truncate(objective.metric, 150))
    text = (
        f":chart_with_upwards_trend: Recorded *{value}*{was} for {objective.ref} · {metric} "
        f"(goal{goal}: {escape(truncate(goal_title, 200))})."
    )
    blocks: list[Block] = [section(text), context(_facts(objective))]
    if measurement_id is not None:
        undo = button("Undo", ActionId.UNDO_MEASUREMENT, measurement_id)
        blocks.append(ActionsBlock(block_id=str(BlockId.MEASUREMENT_ACTIONS), elements=[undo]))
    return blocks


def recorded_blocks(recorded: Recorded) -> list[Block]:
    return build_measurement_recorded(
        recorded.objective,
        recorded.goal_title,
        previous=recorded.previous,
        goal_ref=recorded.goal_ref,
        measurement_id=recorded.measurement_id,
    )


def build_confirm_measurement(asked: NeedsConfirmation, payload: str) -> list[Block]:
    """`payload` is what "Record it anyway" carries back (handlers/goals/measurement_actions.py)."""
    value = escape(format_value(asked.value, asked.unit))
    span = escape(f"{format_value(asked.baseline, asked.unit)} → {format_value(asked.target, asked.unit)}")
    metric = escape(truncate(asked.metric, 150))
    text = (
        f":thinking_face: *{value}* is far from {asked.objective_ref} · {metric}, which runs {span}. "
        "Nothing is saved yet: record it anyway?"
    )
    buttons = [
        button("Record it anyway", ActionId.CONFIRM_MEASUREMENT, payload, style="primary"),
        button("Cancel", ActionId.CANCEL_MEASUREMENT, asked.objective_id),
    ]
    return [section(text), ActionsBlock(block_id=str(BlockId.MEASUREMENT_ACTIONS), elements=buttons)]


def build_measurement_undone(undone: Undone) -> list[Block]:
    objective = undone.objective
    value = escape(format_value(undone.value, objective.unit))
    metric = escape(truncate(objective.metric, 150))
    if undone.already:
        text = f":leftwards_arrow_with_hook: {value} for {objective.ref} · {metric} was already undone."
    else:
        now = escape(format_value(objective.current, objective.unit))
        text = f":leftwards_arrow_with_hook: Undid {value} for {objective.ref} · {metric}; now {now}."
    return [section(text), context(_facts(objective))]


def _facts(objective: ObjectiveSummary) -> str:
    target = escape(format_value(objective.target, objective.unit))
    return (
        f"{progress_bar(objective.progress)} · {status_badge(objective.status)} · "
        f"target {target} by {format_date(objective.due_date)}"
    )
