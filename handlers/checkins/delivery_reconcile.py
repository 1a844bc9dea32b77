"""Crash safety: before posting a delivery whose earlier claim ran out (the sender may have died
between posting and recording), look for it in the person's DM. Every prompt carries its delivery
id in message metadata, so finding it there means it went out: record its ts, do not post again."""

from dataclasses import dataclass
from datetime import timedelta

from bot.outbound import Sender
from bot.services.checkins.read_models import DeliveryToSend
from handlers.checkins.delivery_message import delivery_of

# Slack's clock and ours may differ a little; the message was posted after its scheduled time.
HISTORY_MARGIN = timedelta(hours=1)
_PAGE = 200
_MAX_PAGES = 10  # a DM gets a few messages a day; ten pages is days of conversation


@dataclass(frozen=True)
class Found:
    channel: str
    ts: str


def find_posted(sender: Sender, delivery: DeliveryToSend) -> Found | None:
    """The message of `delivery` in the person's DM, if an earlier attempt posted it.

    Raises SendFailed when Slack cannot be asked: then nobody knows, and the caller must not post."""
    opened = sender.call(delivery.team_id, "conversations_open", users=delivery.user_id)
    dm = str(opened["channel"]["id"])
    oldest = f"{(delivery.scheduled_at - HISTORY_MARGIN).timestamp():.6f}"
    cursor = None
    for _ in range(_MAX_PAGES):
        page = sender.call(
            delivery.team_id,
            "conversations_history",
            channel=dm,
            oldest=oldest,
            include_all_metadata=True,
            limit=_PAGE,
            **({"cursor": cursor} if cursor else {}),
        )
        for message in page.get("messages") or []:
            if delivery_of(message) == delivery.id:
                return Found(channel=dm, ts=str(message["ts"]))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None
    return None
