"""`/goals focus`: the channel's one main goal for the month, replaced only after a confirmation."""

import logging
from datetime import date, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.reports.periods import parse_period_id
from bot.services import focus
from handlers.deps import Deps, team_of
from handlers.goals.replies import action_id_value, channel_of, reply_error
from handlers.ids import ActionId
from handlers.later import later, on_ack_then_later
from handlers.views.format import escape
from handlers.views.notices import build_focus_confirm, build_focus_set

logger = logging.getLogger(__name__)


def month_label(month: date) -> str:
    return month.strftime("%B %Y")


def focus_reply(outcome: focus.FocusOutcome) -> tuple[str, list]:
    label = month_label(outcome.month)
    current = outcome.needs_confirmation_over
    if current is not None:
        text = f"{current.ref} is already the main goal for {label}. Replace it with {outcome.goal.ref}?"
        month_id = outcome.month.strftime("%Y-%m")
        return text, build_focus_confirm(current, outcome.goal, month_label=label, month_id=month_id)
    text = f"{outcome.goal.ref} {escape(outcome.goal.title)} is the main goal for {label}."
    return text, build_focus_set(outcome.goal, label)


def announce_focus(client: WebClient, outcome: focus.FocusOutcome, *, user_id: str) -> None:
    if outcome.needs_confirmation_over is not None:
        return
    text = (
        f"<@{user_id}> set the main goal for {month_label(outcome.month)}: "
        f"*{outcome.goal.ref}* {escape(outcome.goal.title)}"
    )
    try:
        client.chat_postMessage(channel=outcome.channel_id, text=text)
    except SlackApiError as error:
        # The bot may not be in the channel; the person has their confirmation either way.
        logger.info("could not announce focus in %s: %s", outcome.channel_id, error.response.get("error"))


def register(app, deps: Deps) -> None:
    def replace_focus(ack, body, context, now: datetime, today: date):
        ack()
        later(context, lambda client, respond: _replace(deps, client, respond, body, context, now, today))

    def keep_focus(ack, context):
        ack()
        later(
            context,
            lambda _, respond: respond(text="Kept the main goal as it was.", replace_original=True),
        )

    on_ack_then_later(app.action(ActionId.FOCUS_REPLACE.value), replace_focus)
    on_ack_then_later(app.action(ActionId.FOCUS_KEEP.value), keep_focus)


def _replace(deps: Deps, client: WebClient, respond, body: dict, context, now: datetime, today: date):
    value = replace_value(body)
    if value is None:
        reply_error(respond, "That button is out of date. Run `/goals focus <goal id>` again.")
        return
    goal_id, month = value
    focus_from_button(
        deps,
        client,
        respond,
        body,
        context,
        goal_id=goal_id,
        replace=True,
        now=now,
        today=today,
        replace_original=True,
        month=month,
    )


def replace_value(body: dict) -> tuple[int, date | None] | None:
    """A Switch button's "<goal id>:<YYYY-MM>" (the month it asked about); a bare goal id, from a
    message sent before the month was carried, means this month."""
    goal_text, _, month_text = str(_first_value(body)).partition(":")
    goal_id = action_id_value({"actions": [{"value": goal_text}]})
    if goal_id is None:
        return None
    if not month_text:
        return goal_id, None
    month = parse_period_id(month_text)
    if month is None or month.kind.value != "month":
        return None
    return goal_id, month.start


def _first_value(body: dict) -> object:
    try:
        return body["actions"][0]["value"]
    except (KeyError, IndexError, TypeError):
        return None


def focus_from_button(
    deps: Deps,
    client: WebClient,
    respond,
    body: dict,
    context,
    *,
    goal_id: int,
    replace: bool,
    now: datetime,
    today: date,
    replace_original: bool,
    month: date | None = None,
) -> None:
    """A focus button was pressed: set the main goal, answer the person, tell the channel."""
    user_id = body["user"]["id"]
    outcome = focus.set_focus(
        deps.sessions,
        team_id=team_of(context),
        user_id=user_id,
        channel_id=channel_of(body),
        goal_id=goal_id,
        replace=replace,
        now=now,
        today=today,
        month=month,
    )
    text, blocks = focus_reply(outcome)
    respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=replace_original)
    announce_focus(client, outcome, user_id=user_id)
