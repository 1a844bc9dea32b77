"""Setting a channel's check-in through the modal, and reading who it asks once it is set."""

import logging
from datetime import datetime

from pydantic import ValidationError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.checkins import schedules
from bot.services.checkins.read_models import ScheduleView
from bot.services.checkins.refusals import NoSchedule
from bot.services.errors import ServiceError
from handlers.checkins.members import sync_audience
from handlers.common.modals import modal_errors
from handlers.common.replies import tell_privately
from handlers.deps import Deps, actor_for, team_of
from handlers.ids import BlockId, CallbackId
from handlers.later import later, on_ack_then_later
from handlers.metadata import CheckinScheduleMeta
from handlers.views import checkin_notices as notices
from handlers.views.checkin_schedule_form import read_schedule_form
from handlers.views.checkin_schedule_modal import build_schedule_modal
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)

STALE_FORM = "This form is out of date. Close it and run /checkin schedule again."
_FIELD_BLOCKS = {
    "weekdays": BlockId.CHECKIN_WEEKDAYS,
    "local_time": BlockId.CHECKIN_TIME,
    "window": BlockId.CHECKIN_WINDOW,
    "reminders.count": BlockId.CHECKIN_REMINDERS,
    "reminders.after": BlockId.CHECKIN_REMINDER_AFTER,
    "quiet_hours": BlockId.CHECKIN_QUIET_START,
    "min_answers": BlockId.CHECKIN_MIN_ANSWERS,
}


def open_schedule_modal(client: WebClient, deps: Deps, *, team_id: str, channel_id: str, trigger_id) -> None:
    try:
        current: ScheduleView | None = schedules.show_schedule(
            deps.sessions, team_id=team_id, channel_id=channel_id
        )
    except NoSchedule:
        current = None
    view = build_schedule_modal(CheckinScheduleMeta(channel_id=channel_id), current)
    client.views_open(trigger_id=trigger_id, view=view)


def read_members(
    client: WebClient, deps: Deps, saved: ScheduleView, *, team_id: str, now: datetime, respond=None
) -> None:
    """After a schedule is set: who it asks, from Slack into the database (never at tick time);
    with `respond` (`/checkin schedule <days> <time>`), the person is told how many it asks."""
    try:
        sync_audience(client, deps, team_id=team_id, audience_id=saved.audience_id, now=now)
    except SlackApiError as error:
        logger.warning("could not read a check-in's members: %s", error.response.get("error"))
        text = (
            "I couldn't read who is in the channel yet; I'll try again with the daily refresh. "
            "Invite me to the channel (`/invite @goalbot`) if I'm not in it."
        )
    else:
        if respond is None or not getattr(respond, "response_url", None):
            return
        # The saved schedule's own count (exclusions, bots, deactivated people left out), not the
        # sync's, which adds up every schedule asking this audience.
        shown = schedules.show_schedule(deps.sessions, team_id=team_id, channel_id=saved.channel_id)
        text = notices.asked_text(shown)
    if respond is not None and getattr(respond, "response_url", None):
        respond(text=text, response_type="ephemeral", replace_original=False)


def register(app, deps: Deps) -> None:
    def submit(ack, body, view, client, context, now: datetime):
        try:
            meta = CheckinScheduleMeta.load(view.get("private_metadata"))
        except ValidationError:
            modal_errors(ack, {BlockId.CHECKIN_TIME.value: STALE_FORM})
            return
        form, errors = read_schedule_form((view.get("state") or {}).get("values") or {})
        if form is None or not meta.channel_id:
            modal_errors(ack, errors or {BlockId.CHECKIN_TIME.value: STALE_FORM})
            return
        team_id, user_id, channel_id = team_of(context), body["user"]["id"], meta.channel_id
        try:
            owner = _active_owner(deps, team_id, channel_id)
            actor = actor_for(client, team_id, user_id, owner_id=owner or user_id)
            saved = schedules.set_schedule(
                deps.sessions,
                actor,
                channel_id=channel_id,
                spec=form.spec,
                now=now,
                audience_id=form.audience_id,
                excluded_user_ids=form.excluded_user_ids,
            )
        except ServiceError as error:
            block = _FIELD_BLOCKS.get(error.field or "", BlockId.CHECKIN_TIME)
            modal_errors(ack, {block.value: describe_refusal(error)})
            return
        ack()
        later(context, lambda client, _: _saved(client, deps, saved, team_id, user_id, now))

    on_ack_then_later(app.view(CallbackId.CHECKIN_SCHEDULE_MODAL.value), submit)


def _active_owner(deps: Deps, team_id: str, channel_id: str) -> str | None:
    try:
        shown = schedules.show_schedule(deps.sessions, team_id=team_id, channel_id=channel_id)
    except NoSchedule:
        return None
    return shown.owner_id if shown.active else None


def _saved(
    client: WebClient, deps: Deps, saved: ScheduleView, team_id: str, user_id: str, now: datetime
) -> None:
    read_members(client, deps, saved, team_id=team_id, now=now)
    shown = schedules.show_schedule(deps.sessions, team_id=team_id, channel_id=saved.channel_id)
    text = notices.schedule_text(shown)
    tell_privately(
        client,
        user_id=user_id,
        channel_id=saved.channel_id,
        text=text,
        blocks=notices.build_schedule(shown, saved=True),
    )
