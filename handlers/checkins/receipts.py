"""After an answer: the prompt message itself becomes "answered ✓" with an Edit button; the person
is told privately when something went wrong. Nothing here logs who answered (anonymity).

The Edit button is also read back: an anonymous answer's id lives only there, in the person's own
DM, so a later DM reply finds its answer through it (`edit_button_of`)."""

import logging
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.checkins.localtime import zone
from bot.services.checkins.read_models import AnswerRecorded, MessageRef
from handlers.ids import ActionId
from handlers.metadata import CheckinButtonValue
from handlers.views.checkin_notices import answer_receipt
from handlers.views.checkin_prompt import Answered, build_answered_prompt
from handlers.views.limits import MESSAGE_TEXT, fit_text
from handlers.views.notices import build_error

logger = logging.getLogger(__name__)


def edit_value(recorded: AnswerRecorded) -> str:
    """Named: the prompt id. Anonymous: with the answer's random id, which only this DM gets."""
    if recorded.delivery_id is None:
        return ""
    return CheckinButtonValue(d=recorded.delivery_id, a=recorded.anonymous_answer_id).dump()


def show_answered(client: WebClient, recorded: AnswerRecorded, *, user_id: str) -> None:
    """Updates the prompt in place; without one (answered via `/checkin`), posts the receipt to the DM."""
    if recorded.closes_at is None:  # record_answer always says; a stand-in test may not
        return
    tz: ZoneInfo = zone(recorded.tz or "UTC")
    answered = Answered(
        edit_value=edit_value(recorded),
        late=recorded.late,
        confidence=recorded.answer.confidence,
        closes_at=recorded.closes_at,
    )
    blocks = build_answered_prompt(answered, anonymous=recorded.anonymous, tz=tz)
    text = answer_receipt(recorded)
    try:
        if recorded.prompt_message is not None:
            message = recorded.prompt_message
            client.chat_update(channel=message.channel, ts=message.ts, text=text, blocks=blocks)
        else:
            client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    except SlackApiError as error:
        logger.warning("could not show a check-in as answered: %s", error.response.get("error"))


def edit_button_of(client: WebClient, message: MessageRef) -> CheckinButtonValue | None:
    """The Edit button's value on the prompt message as Slack has it now; None when the message
    cannot be read or shows no Edit button (not answered yet, or answered elsewhere)."""
    try:
        # Slack's way to fetch one message: the history up to and including its ts, one message.
        found = client.conversations_history(
            channel=message.channel, latest=message.ts, inclusive=True, limit=1
        ).get("messages")
    except SlackApiError as error:
        logger.warning("could not read a check-in prompt: %s", error.response.get("error"))
        return None
    except OSError as error:  # no answer from Slack: the refusal tells the person what to do instead
        logger.warning("could not read a check-in prompt: %s", type(error).__name__)
        return None
    for shown in found if isinstance(found, list) else []:
        if isinstance(shown, dict) and shown.get("ts") == message.ts:
            return _edit_value(shown.get("blocks"))
    return None


def _edit_value(blocks: object) -> CheckinButtonValue | None:
    for block in blocks if isinstance(blocks, list) else []:
        elements = block.get("elements") if isinstance(block, dict) else None
        for element in elements if isinstance(elements, list) else []:
            if isinstance(element, dict) and element.get("action_id") == ActionId.CHECKIN_EDIT.value:
                try:
                    return CheckinButtonValue.load(element.get("value"))
                except ValueError:
                    return None
    return None


def tell(client: WebClient, respond, *, user_id: str, text: str) -> None:
    """Ephemeral through response_url when the click has one (a DM prompt), else a DM (App Home)."""
    text = fit_text(text, MESSAGE_TEXT)
    blocks = build_error(text)
    try:
        if respond is not None and getattr(respond, "response_url", None):
            respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
        else:
            client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    except SlackApiError as error:
        logger.warning("could not tell a person about their check-in: %s", error.response.get("error"))
