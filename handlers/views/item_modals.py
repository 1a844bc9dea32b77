"""Small modals that add one objective, strategy or tactic to an existing goal, and their readers.

Each reader returns what it could read plus errors by block id; an empty dict means the
submission is complete. Slack also enforces the required fields, but a reader never trusts that.
"""

from datetime import date

from slack_sdk.models.blocks import Block, UserSelectElement
from slack_sdk.models.views import View

from bot.domain.drafts import ObjectiveDraft, TacticDraft
from bot.domain.smart import OBJECTIVE_FIELDS
from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from handlers.metadata import ObjectiveModalMeta, StrategyModalMeta, TacticModalMeta
from handlers.views.blocks import context
from handlers.views.form_reader import FormReader
from handlers.views.format import escape, truncate
from handlers.views.inputs import (
    DATE_HINT,
    METRIC_MAX,
    STRATEGY_TITLE_MAX,
    TACTIC_TITLE_MAX,
    UNIT_MAX,
    due_date_input,
    input_block,
    number_input,
    text_input,
)

METRIC, UNIT, BASELINE, TARGET = (objective_block_id(0, f) for f in OBJECTIVE_FIELDS)


def build_objective_modal(meta: ObjectiveModalMeta, goal_title: str, default_due: date) -> View:
    blocks = [
        _for(goal_title, "goal"),
        input_block(METRIC, "Metric", text_input(METRIC_MAX, "CSAT score")),
        input_block(UNIT, "Unit", text_input(UNIT_MAX, "%, $, per month…"), optional=True),
        input_block(BASELINE, "Baseline (where it is today)", number_input()),
        input_block(TARGET, "Target", number_input()),
        input_block(BlockId.OBJECTIVE_DUE, "Due date", due_date_input(default_due), hint=DATE_HINT),
    ]
    return _modal(CallbackId.OBJECTIVE_MODAL, "Add objective", meta.dump(), blocks)


def read_objective_form(
    values: object, *, today: date | None = None
) -> tuple[ObjectiveDraft, date | None, dict[str, str]]:
    """With `today`, the due date may be a phrase ("end of June") and must not have passed."""
    form = FormReader(values, today=today)
    draft = ObjectiveDraft(
        metric=form.text(METRIC),
        unit=form.text(UNIT),
        baseline=form.number(BASELINE),
        target=form.number(TARGET),
    )
    due = form.future_date(BlockId.OBJECTIVE_DUE)
    if draft.metric is None:
        form.fail(METRIC, "Name what you will measure, e.g. CSAT score")
    if draft.baseline is None:
        form.fail(BASELINE, "Enter where it is today, e.g. 78")
    if draft.target is None:
        form.fail(TARGET, "Enter the number you aim for, e.g. 85")
    elif draft.target == draft.baseline:
        form.fail(TARGET, "Make the target different from the baseline")
    if due is None:
        form.fail(BlockId.OBJECTIVE_DUE, 'Say when it should be reached, e.g. 2027-03-31 or "end of June"')
    return draft, due, form.errors


def build_strategy_modal(meta: StrategyModalMeta, goal_title: str) -> View:
    blocks = [
        _for(goal_title, "goal"),
        input_block(
            BlockId.STRATEGY_TITLE,
            "Strategy",
            text_input(STRATEGY_TITLE_MAX, "Call back every unhappy customer"),
        ),
    ]
    return _modal(CallbackId.STRATEGY_MODAL, "Add strategy", meta.dump(), blocks)


def read_strategy_form(values: object) -> tuple[str, dict[str, str]]:
    form = FormReader(values)
    title = form.text(BlockId.STRATEGY_TITLE) or ""
    if not title:
        form.fail(BlockId.STRATEGY_TITLE, "Say how you will reach the goal, e.g. call back unhappy customers")
    return title, form.errors


def build_tactic_modal(
    meta: TacticModalMeta, strategy_title: str, *, default_owner: str, default_due: date
) -> View:
    blocks = [
        _for(strategy_title, "strategy"),
        input_block(BlockId.TACTIC_TITLE, "Tactic", text_input(TACTIC_TITLE_MAX, "Script for the call-back")),
        input_block(
            BlockId.TACTIC_OWNER,
            "Owner",
            UserSelectElement(
                action_id=ActionId.INPUT,
                placeholder="Who does it",
                initial_user=default_owner or None,
            ),
        ),
        input_block(BlockId.TACTIC_DUE, "Due date", due_date_input(default_due), hint=DATE_HINT),
    ]
    return _modal(CallbackId.TACTIC_MODAL, "Add tactic", meta.dump(), blocks)


def read_tactic_form(
    values: object, *, today: date | None = None
) -> tuple[TacticDraft | None, dict[str, str]]:
    """The tactic, or None with an error under each field that is missing or unreadable. With
    `today`, the due date may be a phrase ("in 2 weeks") and must not have passed."""
    form = FormReader(values, today=today)
    title = form.text(BlockId.TACTIC_TITLE) or ""
    owner_id = form.user(BlockId.TACTIC_OWNER)
    due_date = form.future_date(BlockId.TACTIC_DUE)
    if not title:
        form.fail(BlockId.TACTIC_TITLE, "Say what will be done, e.g. write the call-back script")
    if owner_id is None:
        form.fail(BlockId.TACTIC_OWNER, "Pick who does it")
    if due_date is None:
        form.fail(BlockId.TACTIC_DUE, 'Say when it is done by, e.g. 2027-03-31 or "in 2 weeks"')
    if form.errors or owner_id is None or due_date is None:
        return None, form.errors
    return TacticDraft(title, owner_id, due_date), form.errors


def _modal(callback_id: CallbackId, title: str, private_metadata: str, blocks: list[Block]) -> View:
    return View(
        type="modal",
        callback_id=str(callback_id),
        title=title,
        submit="Add",
        close="Cancel",
        private_metadata=private_metadata,
        blocks=blocks,
    )


def _for(title: str, kind: str) -> Block:
    return context(f"For the {kind} *{escape(truncate(title, 300))}*")
