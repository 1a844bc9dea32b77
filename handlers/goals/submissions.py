"""The goal modal's submission: inline errors via response_action, or a stored goal."""

import logging
from datetime import date, datetime

from pydantic import ValidationError

from bot.services import goal_writes
from bot.services.actor import Actor
from bot.services.errors import ServiceError, SmartIncomplete
from handlers.common.modals import STALE_FORM, modal_errors
from handlers.common.replies import tell_privately
from handlers.deps import Deps, team_of
from handlers.fields import block_for, shown_blocks
from handlers.goals.editing import actor_for_goal
from handlers.ids import BlockId, CallbackId
from handlers.later import later, on_ack_then_later
from handlers.metadata import GoalModalMeta
from handlers.views.format import escape
from handlers.views.goal_fields import objective_rows
from handlers.views.goal_form import read_goal_form
from handlers.views.goal_modal import problems_to_errors
from handlers.views.notices import build_goal_saved
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)


def refusal_errors(
    form: CallbackId, error: ServiceError, view: dict, *, fallback: str, objective_rows: int = 1
) -> dict[str, str]:
    """The refusal's words under the input it names, or under `fallback` when it names none here."""
    block = block_for(form, error.field, objective_rows=objective_rows, shown=shown_blocks(view))
    return {block or str(fallback): describe_refusal(error)}


def register(app, deps: Deps) -> None:
    def submit_goal(ack, body, view, client, context, now: datetime, today: date):
        try:
            meta = GoalModalMeta.load(view.get("private_metadata"))
        except ValidationError:
            modal_errors(ack, {BlockId.GOAL_TITLE.value: STALE_FORM})
            return
        values = (view.get("state") or {}).get("values") or {}
        draft, form_errors = read_goal_form(values, meta, today=today)
        if form_errors:
            modal_errors(ack, form_errors)
            return
        team_id, user_id = team_of(context), body["user"]["id"]
        try:
            if meta.mode == "edit" and meta.goal_id is not None:
                actor = actor_for_goal(client, deps, team_id, user_id, meta.goal_id)
                goal = goal_writes.update_goal(
                    deps.sessions, actor, meta.goal_id, draft, objective_ids=meta.objective_ids, today=today
                )
            else:
                goal = goal_writes.create_goal(
                    deps.sessions,
                    Actor(team_id, user_id),
                    draft,
                    channel_id=meta.channel_id,
                    now=now,
                    today=today,
                )
        except SmartIncomplete as incomplete:
            with_parent = BlockId.GOAL_PARENT.value in (shown_blocks(view) or ())
            modal_errors(ack, problems_to_errors(incomplete.problems, meta, with_parent=with_parent))
            return
        except ServiceError as error:
            rows = objective_rows(meta)
            errors = refusal_errors(
                CallbackId.GOAL_MODAL, error, view, fallback=BlockId.GOAL_TITLE, objective_rows=rows
            )
            modal_errors(ack, errors)
            return
        ack()
        created = meta.mode != "edit"
        later(
            context,
            lambda client, _: tell_privately(
                client,
                user_id=user_id,
                channel_id=meta.channel_id,
                text=f"Saved {goal.ref}: {escape(goal.title)}",
                blocks=build_goal_saved(goal, created=created),
            ),
        )

    on_ack_then_later(app.view(CallbackId.GOAL_MODAL.value), submit_goal)
