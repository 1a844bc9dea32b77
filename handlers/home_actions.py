"""App Home's buttons: "Update" records an objective's value through a small modal, "Done" ticks a
tactic off. Home has no response_url, so each answers by republishing the tab (or with form errors)."""

import logging
from datetime import date, datetime

from pydantic import ValidationError
from slack_sdk import WebClient

from bot.domain.refs import RefKind, format_ref
from bot.services import home, measurements, tree_items
from bot.services.actor import Actor
from bot.services.errors import ServiceError
from handlers.common.modals import STALE_FORM, modal_errors
from handlers.common.replies import action_id_value, tell_privately
from handlers.deps import Deps, actor_for, team_of
from handlers.home import publish_home
from handlers.ids import ActionId, BlockId, CallbackId
from handlers.later import later, on_ack_then_later
from handlers.metadata import UpdateObjectiveModalMeta
from handlers.views.notices import build_error
from handlers.views.refusals import describe_refusal
from handlers.views.update_modal import build_update_modal, read_update_form

logger = logging.getLogger(__name__)


def _tell(client: WebClient, user_id: str, text: str) -> None:
    tell_privately(client, user_id=user_id, channel_id=None, text=text, blocks=build_error(text))


def register(app, deps: Deps) -> None:
    # Home has no response_url; every answer is a modal, a republished tab or a private message,
    # all Web API work, so each listener only acks (or validates a form) and leaves the rest for later.
    def open_update(ack, body, context, today: date):
        ack()
        team_id = team_of(context)
        later(context, lambda client, _: _open_update(deps, client, body, team_id, today))

    def submit_update(ack, body, view, context, now: datetime, today: date):
        try:
            meta = UpdateObjectiveModalMeta.load(view.get("private_metadata"))
        except ValidationError:
            modal_errors(ack, {BlockId.UPDATE_VALUE.value: STALE_FORM})
            return
        value, note, errors = read_update_form((view.get("state") or {}).get("values") or {})
        if errors or value is None:
            modal_errors(ack, errors)
            return
        team_id, user_id = team_of(context), body["user"]["id"]
        ref = format_ref(RefKind.OBJECTIVE, meta.objective_id)
        try:
            outcome = measurements.record_measurement(
                deps.sessions,
                team_id=team_id,
                user_id=user_id,
                channel_id=None,
                name=ref,
                objective_id=meta.objective_id,
                value=value,
                note=note,
                now=now,
                today=today,
            )
        except ServiceError as error:
            modal_errors(ack, {BlockId.UPDATE_VALUE.value: describe_refusal(error)})
            return
        if isinstance(outcome, measurements.NeedsConfirmation):
            modal_errors(ack, {BlockId.UPDATE_VALUE.value: far_outside_range(outcome)})
            return
        ack()
        later(
            context,
            lambda client, _: publish_home(
                client, deps, team_id=team_id, user_id=user_id, today=today, now=now
            ),
        )

    def tick_off(ack, body, context, now: datetime, today: date):
        ack()
        team_id, user_id, tactic_id = team_of(context), body["user"]["id"], action_id_value(body)
        later(context, lambda client, _: _tick_off(deps, client, team_id, user_id, tactic_id, now, today))

    on_ack_then_later(app.action(ActionId.HOME_UPDATE_OBJECTIVE.value), open_update)
    on_ack_then_later(app.view(CallbackId.UPDATE_OBJECTIVE_MODAL.value), submit_update)
    on_ack_then_later(app.action(ActionId.HOME_TACTIC_DONE.value), tick_off)


def far_outside_range(asked: measurements.NeedsConfirmation) -> str:
    return (
        f"That is far outside what {asked.objective_ref} usually reads, so nothing was saved. "
        f"Check the number; if it is right, `/goals update {asked.objective_ref} <value>` "
        "lets you confirm it."
    )


def _open_update(deps: Deps, client: WebClient, body: dict, team_id: str, today: date) -> None:
    user_id, objective_id = body["user"]["id"], action_id_value(body)
    item = None
    if objective_id is not None:
        item = home.objective_to_update(deps.sessions, team_id, objective_id, today=today)
    if item is None:
        ref = format_ref(RefKind.OBJECTIVE, objective_id) if objective_id else "That objective"
        _tell(client, user_id, f"{ref} is no longer there. Open the Home tab again to see the current list.")
        return
    meta = UpdateObjectiveModalMeta(objective_id=item.objective.id)
    client.views_open(trigger_id=body["trigger_id"], view=build_update_modal(meta, item))


def _tick_off(
    deps: Deps,
    client: WebClient,
    team_id: str,
    user_id: str,
    tactic_id: int | None,
    now: datetime,
    today: date,
) -> None:
    if tactic_id is None:
        _tell(client, user_id, "That button is out of date. Open the Home tab again.")
        return
    try:
        tactic_owner, goal_owner = tree_items.tactic_owners(deps.sessions, team_id, tactic_id)
        # Slack is asked about admin rights only when being the person is not enough.
        actor = Actor(team_id, user_id)
        if not actor.may_complete_tactic(tactic_owner, goal_owner):
            actor = actor_for(client, team_id, user_id, owner_id=goal_owner)
        tree_items.complete_tactic(deps.sessions, actor, tactic_id, now=now, today=today)
    except ServiceError as error:
        _tell(client, user_id, describe_refusal(error))
        return
    publish_home(client, deps, team_id=team_id, user_id=user_id, today=today, now=now)
