"""Answering the person who pressed, typed or submitted: an ephemeral error, a private note
after a modal closes, and reading which channel and which number a payload carries."""

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.errors import ServiceError
from handlers.views.format import escape
from handlers.views.limits import MESSAGE_TEXT, fit_text
from handlers.views.notices import build_error
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)


def reply_error(respond, error: ServiceError | str) -> None:
    message = escape(describe_refusal(error) if isinstance(error, ServiceError) else error)
    respond(text=message, blocks=build_error(message), response_type="ephemeral", replace_original=False)


def action_id_value(body: dict) -> int | None:
    """The integer a button carries, or None when the payload has been tampered with or is stale."""
    try:
        value = body["actions"][0]["value"]
        number = int(value)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def channel_of(body: dict) -> str | None:
    channel = body.get("channel")
    if isinstance(channel, dict) and channel.get("id"):
        return channel["id"]
    container = body.get("container")
    if isinstance(container, dict) and container.get("channel_id"):
        return container["channel_id"]
    return body.get("channel_id")


def tell_privately(client: WebClient, *, user_id: str, channel_id: str | None, text: str, blocks) -> None:
    """After a modal closes there is no response_url: an ephemeral in the channel, else a DM."""
    text = fit_text(text, MESSAGE_TEXT)
    if channel_id:
        try:
            client.chat_postEphemeral(channel=channel_id, user=user_id, text=text, blocks=blocks)
            return
        except SlackApiError as error:
            logger.info("ephemeral to %s failed (%s); sending a DM", channel_id, error.response.get("error"))
    try:
        client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    except SlackApiError as error:
        logger.warning("could not reach %s: %s", user_id, error.response.get("error"))
