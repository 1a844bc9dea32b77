"""The buttons on a follow-up's post and its two forms. Buttons ack at once and work in `later`;
a form validates and stores before its ack (errors show under the note; the close records its
notice in the outbox), then the post is updated and the outbox engine sends the notice: to whoever
flagged it (a DM), or for an anonymous one to the post's thread."""

import logging
from datetime import datetime

from pydantic import ValidationError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.actor import Actor
from bot.services.errors import ServiceError
from bot.services.followups import actions as followups_actions
from bot.services.followups import listing as followups_list
from bot.services.followups.read_models import FollowupView
from handlers.common.replies import action_id_value, channel_of, reply_error
from handlers.deps import Deps, actor_for, team_of
from handlers.followups.sources import Source, redraw, source_of
from handlers.followups.tick import send_now
from handlers.ids import ActionId, BlockId, CallbackId
from handlers.later import later, on_ack_then_later
from handlers.metadata import FollowupModalMeta
from handlers.views.followup_list import build_followup_list, list_summary
from handlers.views.followup_modals import build_not_ours_modal, build_resolve_modal
from handlers.views.followup_post import build_followup_post, post_text
from handlers.views.form_reader import FormReader
from handlers.views.format import truncate
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)

STALE = "That button is out of date. Run `/goals followups` to see the open follow-ups."


def register(app, deps: Deps) -> None:
    def take(ack, body, context, now: datetime):
        ack()
        followup_id, user_id, source = action_id_value(body), body["user"]["id"], source_of(body)

        def work(client: WebClient, respond) -> None:
            if followup_id is None:
                reply_error(respond, STALE)
                return
            taken = followups_actions.take_followup(
                deps.sessions, Actor(team_of(context), user_id), followup_id
            )
            update_post(client, taken)
            redraw(deps, team_of(context), source, taken, now)

        later(context, work)

    def open_form(resolved: bool):
        def listener(ack, body, context):
            ack()
            followup_id, user_id, trigger_id = (
                action_id_value(body),
                body["user"]["id"],
                body.get("trigger_id"),
            )

            def work(client: WebClient, respond) -> None:
                if followup_id is None:
                    reply_error(respond, STALE)
                    return
                team_id = team_of(context)
                owner = followups_actions.owner_of(deps.sessions, team_id, followup_id)
                actor = (
                    actor_for(client, team_id, user_id, owner_id=owner) if owner else Actor(team_id, user_id)
                )
                shown = followups_actions.check_may_close(deps.sessions, actor, followup_id)
                source = source_of(body)  # the form redraws a reminder or list it was opened from
                meta = FollowupModalMeta(
                    followup_id=followup_id,
                    channel_id=source.channel_id,
                    block_id=source.block_id,
                    response_url=source.response_url,
                )
                view = build_resolve_modal(shown, meta) if resolved else build_not_ours_modal(shown, meta)
                client.views_open(trigger_id=trigger_id, view=view)

            later(context, work)

        return listener

    def submit(resolved: bool):
        def listener(ack, body, view, client: WebClient, context, now: datetime):
            try:
                meta = FollowupModalMeta.load(view.get("private_metadata"))
            except ValidationError:
                ack(response_action="errors", errors={BlockId.FOLLOWUP_NOTE.value: STALE[:150]})
                return
            note = FormReader(view["state"]["values"]).text(BlockId.FOLLOWUP_NOTE)
            team_id, user_id = team_of(context), body["user"]["id"]
            try:
                owner = followups_actions.owner_of(deps.sessions, team_id, meta.followup_id)
                actor = (
                    actor_for(client, team_id, user_id, owner_id=owner) if owner else Actor(team_id, user_id)
                )
                closed = followups_actions.close_followup(
                    deps.sessions, actor, meta.followup_id, resolved=resolved, note=note, now=now
                )
            except ServiceError as error:
                ack(
                    response_action="errors",
                    errors={BlockId.FOLLOWUP_NOTE.value: truncate(describe_refusal(error), 150)},
                )
                return
            ack()
            source = Source(meta.block_id, meta.channel_id, meta.response_url)

            def work(client: WebClient, _) -> None:
                update_post(client, closed)
                redraw(deps, team_id, source, closed, now)
                send_notice(deps, team_id, now)

            later(context, work)

        return listener

    def list_page(ack, body, context, now: datetime):
        ack()
        page = action_id_value(body)

        def work(client: WebClient, respond) -> None:
            if page is None:
                reply_error(respond, STALE)
                return
            shown = followups_list.open_followups(
                deps.sessions, team_of(context), channel_of(body) or "", page=page
            )
            blocks = build_followup_list(shown, now=now)
            respond(text=list_summary(shown), blocks=blocks, response_type="ephemeral", replace_original=True)

        later(context, work)

    on_ack_then_later(app.action(ActionId.FOLLOWUP_TAKE.value), take)
    on_ack_then_later(app.action(ActionId.FOLLOWUP_RESOLVE.value), open_form(resolved=True))
    on_ack_then_later(app.action(ActionId.FOLLOWUP_NOT_OURS.value), open_form(resolved=False))
    on_ack_then_later(app.action(ActionId.FOLLOWUP_LIST_PAGE.value), list_page)
    on_ack_then_later(app.action(ActionId.FOLLOWUP_LIST_PREVIOUS.value), list_page)
    on_ack_then_later(app.view(CallbackId.FOLLOWUP_RESOLVE_MODAL.value), submit(resolved=True))
    on_ack_then_later(app.view(CallbackId.FOLLOWUP_NOT_OURS_MODAL.value), submit(resolved=False))


def update_post(client: WebClient, followup: FollowupView) -> None:
    """The channel post shows who owns it, or how it was closed (its buttons go).

    Sent at once, not through the outbox: it is an edit of one known message to what the
    database says now, so repeating it (a retried request, two presses) changes nothing, and one
    lost to a 429 or 5xx leaves a stale post whose buttons answer with the follow-up's real state;
    the notices, which are new messages, go through the outbox."""
    if not (followup.post_channel and followup.post_ts):
        return
    try:
        client.chat_update(
            channel=followup.post_channel,
            ts=followup.post_ts,
            text=post_text(followup),
            blocks=build_followup_post(followup),
        )
    except SlackApiError as error:
        logger.warning("could not update follow-up %s: %s", followup.followup_id, error.response.get("error"))


def send_notice(deps: Deps, team_id: str, now: datetime) -> None:
    """Whoever flagged it hears by DM, or for an anonymous one the post's thread says it: the close
    recorded that notice in the outbox (bot/services/followups/notices.py); the engine sends it
    now, with the workspace's other due follow-up messages, and the tick retries it if this fails."""
    if deps.outbound is None:
        return  # no token to send with here: the tick sends it
    try:
        send_now(deps.outbound, team_id, now)
    except Exception:
        # The close is recorded and told to the person; the notice waits in the outbox for the tick.
        logger.exception("follow-up messages of %s left to the tick", team_id)
