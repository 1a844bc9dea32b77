"""Submissions of the small modals that grow a goal's tree: objective, strategy, tactic."""

from collections.abc import Sequence
from datetime import date, datetime

from pydantic import ValidationError

from bot.domain.drafts import SmartProblem
from bot.services import tree_items
from bot.services.errors import ServiceError, SmartIncomplete
from handlers.common.modals import STALE_FORM, modal_errors
from handlers.common.replies import tell_privately
from handlers.deps import Deps, team_of
from handlers.fields import block_for
from handlers.goals.editing import actor_for_goal
from handlers.goals.submissions import refusal_errors
from handlers.ids import BlockId, CallbackId, objective_block_id
from handlers.later import later, on_ack_then_later
from handlers.metadata import ObjectiveModalMeta, StrategyModalMeta, TacticModalMeta
from handlers.views.format import escape
from handlers.views.goal_tree import build_goal_tree
from handlers.views.item_modals import read_objective_form, read_strategy_form, read_tactic_form


def _values(view: dict) -> dict:
    return (view.get("state") or {}).get("values") or {}


def _smart_errors(form: CallbackId, problems: Sequence[SmartProblem], *, fallback: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    for problem in problems:
        errors.setdefault(block_for(form, problem.field) or fallback, problem.hint)
    return errors


def register(app, deps: Deps) -> None:
    def submit(form: CallbackId, first_block: str, meta_cls, read, store):
        def listener(ack, body, view, client, context, now: datetime, today: date):
            try:
                meta = meta_cls.load(view.get("private_metadata"))
            except ValidationError:
                modal_errors(ack, {first_block: STALE_FORM})
                return
            parsed, errors = read(_values(view), today)
            if errors:
                modal_errors(ack, errors)
                return
            team_id, user_id = team_of(context), body["user"]["id"]
            try:
                actor = actor_for_goal(client, deps, team_id, user_id, meta.goal_id)
                tree = store(actor, meta, parsed, today)
            except SmartIncomplete as incomplete:
                modal_errors(ack, _smart_errors(form, incomplete.problems, fallback=first_block))
                return
            except ServiceError as error:
                modal_errors(ack, refusal_errors(form, error, view, fallback=first_block))
                return
            ack()
            blocks = build_goal_tree(tree, can_edit=True, today=today)
            later(
                context,
                lambda client, _: tell_privately(
                    client,
                    user_id=user_id,
                    channel_id=meta.channel_id,
                    text=f"Updated {tree.goal.ref}: {escape(tree.goal.title)}",
                    blocks=blocks,
                ),
            )

        return listener

    def read_objective(values, today: date):
        row, due, errors = read_objective_form(values, today=today)
        return (row, due), errors

    def read_strategy(values, today: date):
        return read_strategy_form(values)

    def read_tactic(values, today: date):
        return read_tactic_form(values, today=today)

    on_ack_then_later(
        app.view(CallbackId.OBJECTIVE_MODAL.value),
        submit(
            CallbackId.OBJECTIVE_MODAL,
            objective_block_id(0, "metric"),
            ObjectiveModalMeta,
            read_objective,
            lambda actor, meta, parsed, today: tree_items.add_objective(
                deps.sessions, actor, meta.goal_id, parsed[0], parsed[1], today=today
            ),
        ),
    )
    on_ack_then_later(
        app.view(CallbackId.STRATEGY_MODAL.value),
        submit(
            CallbackId.STRATEGY_MODAL,
            BlockId.STRATEGY_TITLE.value,
            StrategyModalMeta,
            read_strategy,
            lambda actor, meta, title, today: tree_items.add_strategy(
                deps.sessions, actor, meta.goal_id, title, today=today
            ),
        ),
    )
    on_ack_then_later(
        app.view(CallbackId.TACTIC_MODAL.value),
        submit(
            CallbackId.TACTIC_MODAL,
            BlockId.TACTIC_TITLE.value,
            TacticModalMeta,
            read_tactic,
            lambda actor, meta, tactic, today: tree_items.add_tactic(
                deps.sessions, actor, meta.strategy_id, tactic, today=today
            ),
        ),
    )
