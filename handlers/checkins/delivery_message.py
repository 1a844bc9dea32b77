"""The two kinds of check-in message, as the outbox engine runs them: a prompt and a reminder are
each one DM (to the person's id), its text and blocks, and the metadata that names the delivery,
so an attempt whose outcome is unknown can find the message in the DM."""

import threading
from typing import Any

from bot.outbound import Sender, SendFailed
from bot.outbound.outbox import Job, MessageKind, MetadataKey, SingleMessage
from bot.services.checkins.read_models import DeliveryToSend
from handlers.checkins.prompt_bodies import PromptBodies, prompt_body

CHECKIN_METADATA = MetadataKey("goalbot_checkin", "delivery")


def delivery_metadata(delivery_id: int) -> dict[str, Any]:
    return CHECKIN_METADATA.of(delivery_id)


def delivery_of(message: dict[str, Any]) -> int | None:
    """The delivery id a message of ours carries in its metadata; None for any other message."""
    return CHECKIN_METADATA.row_of(message)


def prompt_message(delivery: DeliveryToSend, channel_name: str) -> dict[str, Any]:
    """chat.postMessage arguments as the engine sends them: to the person's id, which Slack takes
    as their DM with the bot, with the metadata that names the delivery."""
    body = prompt_body(delivery, channel_name)
    return {"channel": delivery.user_id, **body, "metadata": delivery_metadata(delivery.id)}


def checkin_kinds(names: "ChannelNames") -> dict[str, MessageKind[DeliveryToSend]]:
    """The check-in outbox's kinds (DeliveryKind values) for one pass: a prompt and a reminder,
    built alike, each distinct content once (prompt_bodies.py)."""
    bodies = PromptBodies()

    def build(job: Job[DeliveryToSend]) -> dict[str, Any]:
        delivery = job.item
        return bodies.body(delivery, names.name(delivery.team_id, delivery.channel_id))

    kind = SingleMessage[DeliveryToSend](CHECKIN_METADATA, lambda delivery: delivery.user_id, build)
    return {"prompt": kind, "reminder": kind}


class ChannelNames:
    """Channel names for the prompt's "For #name", one conversations.info per channel per pass.
    The sending threads of a channel wait for its first lookup rather than each spending a call on
    it; a lookup held up (a workspace's 429 storm) holds up only that channel's threads, since
    workspaces are served in parallel."""

    def __init__(self, sender: Sender) -> None:
        self._sender = sender
        self._names: dict[tuple[str, str], str] = {}
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()  # guards the dict of locks only

    def name(self, team_id: str, channel_id: str) -> str:
        key = (team_id, channel_id)
        known = self._names.get(key)  # once looked up, every prompt of the pass: no lock to take
        if known is not None:
            return known
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._names:
                self._names[key] = self._look_up(team_id, channel_id)
            return self._names[key]

    def _look_up(self, team_id: str, channel_id: str) -> str:
        try:
            answer = self._sender.call(team_id, "conversations_info", channel=channel_id)
        except SendFailed:
            return channel_id  # the prompt still goes out; the id is all we know
        name = (answer.get("channel") or {}).get("name")
        return str(name) if name else channel_id
