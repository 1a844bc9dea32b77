"""The modal that creates or edits a goal with its objectives, showing SMART hints where they apply."""

from collections.abc import Sequence
from dataclasses import replace

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
from handlers.views.goal_form import NO_PARENT
from handlers.views.inputs import (
    DATE_HINT,
    METRIC_MAX,
    TITLE_MAX,
    UNIT_MAX,
    WHY_MAX,
    due_date_input,
    input_block,
    number_input,
    text_input,
)

WHY_HINT = "Needed for a SMART goal, unless you pick a bigger goal it is part of."
LEVEL_HINT = "Left empty, the dates decide: up to 45 days is monthly, up to 120 quarterly."


def build_goal_modal(
    draft: GoalDraft,
    meta: GoalModalMeta,
    *,
    problems: Sequence[SmartProblem] = (),
    parent_choices: Sequence[tuple[int, str, str]] = (),
) -> View:
    """`parent_choices` are (goal id, ref, title); past 100 they are cut, keeping the draft's parent.

    What every SMART goal needs (title, due date, the first objective's metric, baseline and
    target) is required, so Slack does not label it "(optional)"; the SMART hints say what to
    write there. "Why it matters" stays optional because a bigger goal can answer it instead,
    and its hint says so. A new goal's level is left for the dates to decide unless picked.
    """
    parents = _parent_options(parent_choices, draft.parent_id)
    if meta.mode == "new":
        draft = replace(draft, level=None)
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
            default_hint=WHY_HINT,
        ),
        _field(
            hints,
            BlockId.GOAL_LEVEL,
            "Level",
            _select("From the dates, or pick one", _levels(), draft.level),
            default_hint=LEVEL_HINT,
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
        _field(
            hints,
            BlockId.GOAL_DUE,
            "Due date",
            due_date_input(draft.due_date),
            optional=False,
            default_hint=DATE_HINT,
        )
    )
    return blocks


def _objective_inputs(index: int, objective: ObjectiveDraft, hints: dict[str, str]) -> list[Block]:
    def block_id(name: str) -> str:
        return objective_block_id(index, name)

    intro = "how you will measure it" if index == 0 else "another measure (optional)"
    # A SMART goal needs one measured objective; further rows are extras.
    needed = index == 0
    return [
        section(f"*Objective {index + 1}* · {intro}"),
        _field(
            hints,
            block_id("metric"),
            "Metric",
            text_input(METRIC_MAX, "CSAT score", objective.metric),
            optional=not needed,
        ),
        _field(hints, block_id("unit"), "Unit", text_input(UNIT_MAX, "%, $, per month…", objective.unit)),
        _field(
            hints,
            block_id("baseline"),
            "Baseline (where it is today)",
            number_input(objective.baseline),
            optional=not needed,
        ),
        _field(hints, block_id("target"), "Target", number_input(objective.target), optional=not needed),
    ]


def _field(
    hints: dict[str, str],
    block_id: str,
    label: str,
    element: InputInteractiveElement,
    *,
    optional: bool = True,
    default_hint: str | None = None,
) -> Block:
    hint = hints.get(str(block_id)) or default_hint
    return input_block(block_id, label, element, optional=optional, hint=hint)


def _select(placeholder: str, options: list[Option], selected: object) -> StaticSelectElement:
    initial = next((option for option in options if option.value == str(selected)), None)
    return StaticSelectElement(
        action_id=str(ActionId.INPUT), placeholder=placeholder, options=options, initial_option=initial
    )


def _levels() -> list[Option]:
    return [Option(value=level.value, text=level_label(level)) for level in GoalLevel]


def _parent_options(choices: Sequence[tuple[int, str, str]], parent_id: int | None) -> list[Option]:
    unique = list({goal_id: (goal_id, ref, title) for goal_id, ref, title in choices}.values())
    if len(unique) > limits.SELECT_OPTIONS - 1:
        kept = unique[: limits.SELECT_OPTIONS - 1]
        current = next((choice for choice in unique if choice[0] == parent_id), None)
        if current is not None and current not in kept:
            kept = [*kept[:-1], current]
        unique = kept
    if not unique:
        return []
    # The first option lets a goal stand on its own; leaving the select empty keeps the parent.
    stand_alone = Option(value=NO_PARENT, text="No bigger goal (a goal of its own)")
    return [stand_alone] + [
        Option(value=str(goal_id), text=truncate(f"{ref} · {title}", limits.OPTION_TEXT))
        for goal_id, ref, title in unique
    ]
