"""What a check-in prompt (or reminder) posts: the DM, its text and blocks, and the metadata that
names the delivery, so a sender that died before recording the ts can find the message later."""

import threading
from typing import Any

from bot.domain.checkins.localtime import zone
from bot.outbound import Sender, SendFailed
from bot.services.checkins.read_models import DeliveryToSend
from handlers.views.checkin_prompt import build_prompt, prompt_text

EVENT_TYPE = "goalbot_checkin"


def delivery_metadata(delivery_id: int) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"delivery": delivery_id}}


def delivery_of(message: dict[str, Any]) -> int | None:
    """The delivery id a message of ours carries in its metadata; None for any other message."""
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != EVENT_TYPE:
        return None
    value = (metadata.get("event_payload") or {}).get("delivery")
    return value if isinstance(value, int) else None


def prompt_message(delivery: DeliveryToSend, channel_name: str) -> dict[str, Any]:
    """chat.postMessage arguments: to the person's id, which Slack takes as their DM with the bot."""
    return {
        "channel": delivery.user_id,
        "text": prompt_text(delivery),
        "blocks": build_prompt(delivery, channel_name=channel_name, tz=zone(delivery.tz)),
        "metadata": delivery_metadata(delivery.id),
        "unfurl_links": False,
    }


class ChannelNames:
    """Channel names for the prompt's "For #name", one conversations.info per channel per pass.
    The sending threads wait for the first lookup rather than each spending a call on it."""

    def __init__(self, sender: Sender) -> None:
        self._sender = sender
        self._names: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def name(self, team_id: str, channel_id: str) -> str:
        key = (team_id, channel_id)
        with self._lock:
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
