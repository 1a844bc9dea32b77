"""Submissions of the small modals that grow a goal's tree: objective, strategy, tactic."""

from datetime import date, datetime

from pydantic import ValidationError

from bot.domain.enums import SmartPart
from bot.services import tree_items
from bot.services.errors import ServiceError, SmartIncomplete
from handlers.deps import Deps, team_of
from handlers.goals.editing import actor_for_goal
from handlers.goals.replies import tell_privately
from handlers.goals.submissions import STALE_FORM, modal_errors
from handlers.ids import BlockId, CallbackId, objective_block_id
from handlers.metadata import ObjectiveModalMeta, StrategyModalMeta, TacticModalMeta
from handlers.views import goal_messages as messages
from handlers.views.item_modals import read_objective_form, read_strategy_form, read_tactic_form
from handlers.views.refusals import describe_refusal


def _values(view: dict) -> dict:
    return (view.get("state") or {}).get("values") or {}


def _smart_errors(problems) -> dict[str, str]:
    errors: dict[str, str] = {}
    for problem in problems:
        field = problem.field.rsplit(".", 1)[-1]
        if field in ("metric", "unit", "baseline", "target"):
            block = objective_block_id(0, field)
        else:
            block = (
                BlockId.OBJECTIVE_DUE.value
                if problem.part == SmartPart.TIME_BOUND
                else objective_block_id(0, "metric")
            )
        errors.setdefault(block, problem.hint)
    return errors


def register(app, deps: Deps) -> None:
    def submit(first_block: str, meta_cls, read, store):
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
                modal_errors(ack, _smart_errors(incomplete.problems))
                return
            except ServiceError as error:
                modal_errors(ack, {first_block: describe_refusal(error)})
                return
            ack()
            blocks = messages.build_goal_tree(tree, can_edit=True, today=today)
            tell_privately(
                client,
                user_id=user_id,
                channel_id=meta.channel_id,
                text=f"Updated {tree.goal.ref}: {tree.goal.title}",
                blocks=blocks,
            )

        return listener

    def read_objective(values, today: date):
        row, due, errors = read_objective_form(values, today=today)
        return (row, due), errors

    def read_strategy(values, today: date):
        return read_strategy_form(values)

    def read_tactic(values, today: date):
        return read_tactic_form(values, today=today)

    app.view(CallbackId.OBJECTIVE_MODAL.value)(
        submit(
            objective_block_id(0, "metric"),
            ObjectiveModalMeta,
            read_objective,
            lambda actor, meta, parsed, today: tree_items.add_objective(
                deps.sessions, actor, meta.goal_id, parsed[0], parsed[1], today=today
            ),
        )
    )
    app.view(CallbackId.STRATEGY_MODAL.value)(
        submit(
            BlockId.STRATEGY_TITLE.value,
            StrategyModalMeta,
            read_strategy,
            lambda actor, meta, title, today: tree_items.add_strategy(
                deps.sessions, actor, meta.goal_id, title, today=today
            ),
        )
    )
    app.view(CallbackId.TACTIC_MODAL.value)(
        submit(
            BlockId.TACTIC_TITLE.value,
            TacticModalMeta,
            read_tactic,
            lambda actor, meta, tactic, today: tree_items.add_tactic(
                deps.sessions,
                actor,
                meta.strategy_id,
                tree_items.TacticInput(tactic.title, tactic.owner_id, tactic.due_date),
                today=today,
            ),
        )
    )
