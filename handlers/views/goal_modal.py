"""The modal that creates or edits a goal with its objectives, showing SMART hints where they apply."""

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, Option, StaticSelectElement
from slack_sdk.models.blocks.block_elements import InputInteractiveElement
from slack_sdk.models.views import View

from bot.domain.drafts import GoalDraft, ObjectiveDraft, SmartProblem
from bot.domain.enums import GoalLevel
from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from handlers.metadata import GoalModalMeta
from handlers.views import limits
from handlers.views.blocks import context, section
from handlers.views.format import level_label, truncate
from handlers.views.goal_fields import join_within, missing_summary, objective_rows, problems_by_block
from handlers.views.inputs import (
    METRIC_MAX,
    TITLE_MAX,
    UNIT_MAX,
    WHY_MAX,
    date_input,
    input_block,
    number_input,
    text_input,
)


def build_goal_modal(
    draft: GoalDraft,
    meta: GoalModalMeta,
    *,
    problems: Sequence[SmartProblem] = (),
    parent_choices: Sequence[tuple[int, str, str]] = (),
) -> View:
    """`parent_choices` are (goal id, ref, title); past 100 they are cut, keeping the draft's parent.

    Every input but the title is optional: the server checks SMART-ness and answers with
    errors that say what to write, which beats Slack's bare "This field is required".
    """
    parents = _parent_options(parent_choices, draft.parent_id)
    grouped = problems_by_block(problems, objective_rows(meta), with_parent=bool(parents))
    hints = {
        block: join_within([f":bulb: {h}" for h in found], limits.INPUT_HINT)
        for block, found in grouped.items()
    }
    blocks: list[Block] = []
    if problems:
        blocks.append(context(f":bulb: {missing_summary(problems)}", block_id=BlockId.SMART_HINTS))
    blocks += _goal_inputs(draft, parents, hints)
    for index in range(objective_rows(meta)):
        objective = draft.objectives[index] if index < len(draft.objectives) else ObjectiveDraft()
        blocks += _objective_inputs(index, objective, hints)
    return View(
        type="modal",
        callback_id=str(CallbackId.GOAL_MODAL),
        title="New goal" if meta.mode == "new" else "Edit goal",
        submit="Save",
        close="Cancel",
        private_metadata=meta.dump(),
        blocks=blocks,
    )


def problems_to_errors(
    problems: Sequence[SmartProblem], meta: GoalModalMeta, *, with_parent: bool = False
) -> dict[str, str]:
    """Errors by block id for `ack(response_action="errors", ...)`, each within Slack's 150 characters.

    Pass `with_parent=True` only when the modal showed the parent select (it had choices);
    otherwise a parent problem goes to the "why" block, which every goal modal has.
    """
    grouped = problems_by_block(problems, objective_rows(meta), with_parent=with_parent)
    return {block_id: join_within(hints, limits.ERROR_TEXT) for block_id, hints in grouped.items()}


def _goal_inputs(draft: GoalDraft, parents: list[Option], hints: dict[str, str]) -> list[Block]:
    blocks = [
        _field(
            hints,
            BlockId.GOAL_TITLE,
            "Goal",
            text_input(TITLE_MAX, "Raise CSAT from 78 to 85", draft.title),
            optional=False,
        ),
        _field(
            hints,
            BlockId.GOAL_WHY,
            "Why it matters",
            text_input(WHY_MAX, "so that customers come back", draft.why, multiline=True),
        ),
        _field(
            hints,
            BlockId.GOAL_LEVEL,
            "Level",
            _select("Annual, quarterly or monthly", _levels(), draft.level),
        ),
    ]
    if parents:
        blocks.append(
            _field(
                hints,
                BlockId.GOAL_PARENT,
                "Part of",
                _select("Pick the goal this one serves", parents, draft.parent_id),
            )
        )
    blocks.append(
        _field(hints, BlockId.GOAL_DUE, "Due date", date_input(draft.due_date, "When it is reached by"))
    )
    return blocks


def _objective_inputs(index: int, objective: ObjectiveDraft, hints: dict[str, str]) -> list[Block]:
    def block_id(name: str) -> str:
        return objective_block_id(index, name)

    intro = "how you will measure it" if index == 0 else "another measure (optional)"
    return [
        section(f"*Objective {index + 1}* · {intro}"),
        _field(hints, block_id("metric"), "Metric", text_input(METRIC_MAX, "CSAT score", objective.metric)),
        _field(hints, block_id("unit"), "Unit", text_input(UNIT_MAX, "%, $, per month…", objective.unit)),
        _field(hints, block_id("baseline"), "Baseline (where it is today)", number_input(objective.baseline)),
        _field(hints, block_id("target"), "Target", number_input(objective.target)),
    ]


def _field(
    hints: dict[str, str],
    block_id: str,
    label: str,
    element: InputInteractiveElement,
    *,
    optional: bool = True,
) -> Block:
    return input_block(block_id, label, element, optional=optional, hint=hints.get(str(block_id)))


def _select(placeholder: str, options: list[Option], selected: object) -> StaticSelectElement:
    initial = next((option for option in options if option.value == str(selected)), None)
    return StaticSelectElement(
        action_id=str(ActionId.INPUT), placeholder=placeholder, options=options, initial_option=initial
    )


def _levels() -> list[Option]:
    return [Option(value=level.value, text=level_label(level)) for level in GoalLevel]


def _parent_options(choices: Sequence[tuple[int, str, str]], parent_id: int | None) -> list[Option]:
    unique = list({goal_id: (goal_id, ref, title) for goal_id, ref, title in choices}.values())
    if len(unique) > limits.SELECT_OPTIONS:
        kept = unique[: limits.SELECT_OPTIONS]
        current = next((choice for choice in unique if choice[0] == parent_id), None)
        if current is not None and current not in kept:
            kept = [*kept[:-1], current]
        unique = kept
    return [
        Option(value=str(goal_id), text=truncate(f"{ref} · {title}", limits.OPTION_TEXT))
        for goal_id, ref, title in unique
    ]
