"""The two kinds of check-in message, as the outbox engine runs them: a prompt and a reminder are
each one DM (to the person's id), its text and blocks, and the metadata that names the delivery,
so an attempt whose outcome is unknown can find the message in the DM."""

from typing import Any

from bot.outbound.outbox import Job, MessageKind, MetadataKey, SingleMessage
from bot.services.checkins.read_models import DeliveryToSend
from handlers.checkins.prompt_bodies import PromptBodies, prompt_body

CHECKIN_METADATA = MetadataKey("goalbot_checkin", "delivery")


def delivery_metadata(delivery_id: int) -> dict[str, Any]:
    return CHECKIN_METADATA.of(delivery_id)


def delivery_of(message: dict[str, Any]) -> int | None:
    """The delivery id a message of ours carries in its metadata; None for any other message."""
    return CHECKIN_METADATA.row_of(message)


def prompt_message(delivery: DeliveryToSend) -> dict[str, Any]:
    """chat.postMessage arguments as the engine sends them: to the person's id, which Slack takes
    as their DM with the bot, with the metadata that names the delivery."""
    body = prompt_body(delivery)
    return {"channel": delivery.user_id, **body, "metadata": delivery_metadata(delivery.id)}


def checkin_kinds() -> dict[str, MessageKind[DeliveryToSend]]:
    """The check-in outbox's kinds (DeliveryKind values) for one pass: a prompt and a reminder,
    built alike, each distinct content once (prompt_bodies.py)."""
    bodies = PromptBodies()

    def build(job: Job[DeliveryToSend]) -> dict[str, Any]:
        return bodies.body(job.item)

    kind = SingleMessage[DeliveryToSend](CHECKIN_METADATA, lambda delivery: delivery.user_id, build)
    return {"prompt": kind, "reminder": kind}
