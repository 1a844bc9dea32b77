"""App Home's buttons: "Update" records an objective's value through a small modal, "Done" ticks a
tactic off. Home has no response_url, so each answers by republishing the tab (or with form errors)."""

import logging
from datetime import date, datetime

from pydantic import ValidationError
from slack_sdk import WebClient

from bot.domain.dates import month_start
from bot.domain.refs import RefKind, format_ref
from bot.services import goal_reads, home, measurements, tree_items
from bot.services.actor import Actor
from bot.services.errors import ServiceError
from handlers.deps import Deps, actor_for, team_of
from handlers.goals.focus import month_label
from handlers.goals.replies import action_id_value, tell_privately
from handlers.goals.submissions import STALE_FORM, modal_errors
from handlers.home import my_channels
from handlers.ids import ActionId, BlockId, CallbackId
from handlers.metadata import UpdateObjectiveModalMeta
from handlers.views.goal_messages import build_error
from handlers.views.home import build_home
from handlers.views.refusals import describe_refusal
from handlers.views.update_modal import build_update_modal, read_update_form

logger = logging.getLogger(__name__)


def publish_home(client: WebClient, deps: Deps, *, team_id: str, user_id: str, today: date) -> None:
    data = goal_reads.home_data(
        deps.sessions, team_id, user_id, today=today, channel_ids=my_channels(client, user_id)
    )
    view = build_home(
        user_id=user_id,
        my_goals=data.my_goals,
        focus_goals=data.focus_goals,
        month_label=month_label(month_start(today)),
        tactics=home.open_tactics(deps.sessions, team_id, user_id),
        today=today,
    )
    client.views_publish(user_id=user_id, view=view)


def _tell(client: WebClient, user_id: str, text: str) -> None:
    tell_privately(client, user_id=user_id, channel_id=None, text=text, blocks=build_error(text))


def register(app, deps: Deps) -> None:
    @app.action(ActionId.HOME_UPDATE_OBJECTIVE.value)
    def open_update(ack, body, client, context, today: date):
        ack()
        user_id, objective_id = body["user"]["id"], action_id_value(body)
        item = None
        if objective_id is not None:
            item = home.objective_to_update(deps.sessions, team_of(context), objective_id, today=today)
        if item is None:
            ref = format_ref(RefKind.OBJECTIVE, objective_id) if objective_id else "That objective"
            _tell(
                client, user_id, f"{ref} is no longer there. Open the Home tab again to see the current list."
            )
            return
        meta = UpdateObjectiveModalMeta(objective_id=item.objective.id)
        client.views_open(trigger_id=body["trigger_id"], view=build_update_modal(meta, item))

    @app.view(CallbackId.UPDATE_OBJECTIVE_MODAL.value)
    def submit_update(ack, body, view, client, context, now: datetime, today: date):
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
        try:
            measurements.record_measurement(
                deps.sessions,
                team_id=team_id,
                user_id=user_id,
                channel_id=None,
                name=format_ref(RefKind.OBJECTIVE, meta.objective_id),
                objective_id=meta.objective_id,
                value=value,
                note=note,
                now=now,
                today=today,
            )
        except ServiceError as error:
            modal_errors(ack, {BlockId.UPDATE_VALUE.value: describe_refusal(error)})
            return
        ack()
        publish_home(client, deps, team_id=team_id, user_id=user_id, today=today)

    @app.action(ActionId.HOME_TACTIC_DONE.value)
    def tick_off(ack, body, client, context, now: datetime, today: date):
        ack()
        team_id, user_id, tactic_id = team_of(context), body["user"]["id"], action_id_value(body)
        if tactic_id is None:
            _tell(client, user_id, "That button is out of date. Open the Home tab again.")
            return
        try:
            tactic_owner, goal_owner = tree_items.tactic_owners(deps.sessions, team_id, tactic_id)
            may_tick = user_id in (tactic_owner, goal_owner)
            actor = (
                Actor(team_id, user_id)
                if may_tick
                else actor_for(client, team_id, user_id, owner_id=goal_owner)
            )
            tree_items.complete_tactic(deps.sessions, actor, tactic_id, now=now, today=today)
        except ServiceError as error:
            _tell(client, user_id, describe_refusal(error))
            return
        publish_home(client, deps, team_id=team_id, user_id=user_id, today=today)
