"""Setting the channel's main goal for a month and telling the channel, shared by `/goals focus`
(handlers/goals) and the month-end reminder's button (handlers/reports/actions.py)."""

import logging
from datetime import date, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import focus
from handlers.common.replies import channel_of
from handlers.deps import Deps, team_of
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
