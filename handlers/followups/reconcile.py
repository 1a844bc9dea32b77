"""Crash safety: before posting a follow-up message an earlier attempt may have posted (its claim
ran out, or Slack timed out), look for it where it went. Every post and reminder carries its outbox
id in metadata (`goalbot_followup` / `message_id`); finding it means it went out: record its ts."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.outbound import Sender
from bot.services.followups.claims import FollowupMessageToSend

METADATA_EVENT = "goalbot_followup"
# Slack's clock and ours may differ a little; the message was posted after its earlier claim.
HISTORY_MARGIN = timedelta(hours=1)
_PAGE = 200
_MAX_PAGES = 10


@dataclass(frozen=True)
class Found:
    channel: str
    ts: str


def followup_metadata(message_id: int) -> dict[str, Any]:
    return {"event_type": METADATA_EVENT, "event_payload": {"message_id": message_id}}


def find_posted(sender: Sender, message: FollowupMessageToSend) -> Found | None:
    """The message in its channel (or the owner's DM), if an earlier attempt posted it.

    Raises SendFailed when Slack cannot be asked: then nobody knows, and the caller must not post."""
    channel = message.channel
    if message.kind == "reminder" and channel == message.followup.owner_id:
        opened = sender.call(message.team_id, "conversations_open", users=channel)
        channel = str(opened["channel"]["id"])
    since = {"oldest": f"{(message.since - HISTORY_MARGIN).timestamp():.6f}"} if message.since else {}
    cursor = None
    for _ in range(_MAX_PAGES):
        page = sender.call(
            message.team_id,
            "conversations_history",
            channel=channel,
            include_all_metadata=True,
            limit=_PAGE,
            **since,
            **({"cursor": cursor} if cursor else {}),
        )
        for posted in page.get("messages") or []:
            if _message_id(posted) == message.message_id:
                return Found(channel=channel, ts=str(posted["ts"]))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None
    return None


def _message_id(posted: dict[str, Any]) -> int | None:
    metadata = posted.get("metadata") or {}
    if metadata.get("event_type") != METADATA_EVENT:
        return None
    value = (metadata.get("event_payload") or {}).get("message_id")
    return value if isinstance(value, int) else None
