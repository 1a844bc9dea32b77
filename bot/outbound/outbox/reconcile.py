"""Recognising our own messages in Slack, to reconcile a row whose outcome is unknown.

Every message the outbox posts carries its row id in message metadata (`MetadataKey.of`), so a
later attempt can tell from the channel's history whether an earlier one got it out. Reading
history is costly: `conversations.history` (and `.replies`) allow about one call a minute to apps
distributed outside Slack's Marketplace. So it is read only for a row whose outcome is truly
unknown (bot/outbound/outbox/engine.py decides), one page, once per attempt, never in a loop: a
row whose read fails (a 429 past the Sender's tries) goes back to wait, still unknown.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.outbound.sender import Sender

# Slack's clock and ours may differ a little; look from a while before the attempt that may have posted.
HISTORY_MARGIN = timedelta(hours=1)
PAGE = 200  # one page: the window starts just before that attempt, so it is near the top


@dataclass(frozen=True)
class Posted:
    channel: str
    ts: str
    retries: int = 0


@dataclass(frozen=True)
class MetadataKey:
    """How a kind of message names its outbox row: `{"event_type": …, "event_payload": {field: id}}`.
    A digest's thread parts add `"part": n`, so the row's own (parent) message is the one without."""

    event_type: str
    field: str

    def of(self, row_id: int, **extra: Any) -> dict[str, Any]:
        return {"event_type": self.event_type, "event_payload": {self.field: row_id, **extra}}

    def payload(self, message: dict[str, Any]) -> dict[str, Any] | None:
        metadata = message.get("metadata") or {}
        if metadata.get("event_type") != self.event_type:
            return None
        payload = metadata.get("event_payload")
        return payload if isinstance(payload, dict) else None

    def row_of(self, message: dict[str, Any]) -> int | None:
        """The row id a message of ours carries (not a digest's part); None for any other."""
        payload = self.payload(message)
        if payload is None or "part" in payload:
            return None
        value = payload.get(self.field)
        return value if isinstance(value, int) else None


def conversation_of(sender: Sender, team_id: str, channel: str) -> str:
    """The conversation a post to `channel` lands in: a user id (U…, W…) posts to their DM with
    the bot, whose id conversations.open gives."""
    if channel[:1] not in ("U", "W"):
        return channel
    opened = sender.call(team_id, "conversations_open", users=channel)
    return str(opened["channel"]["id"])


def find_in_history(
    sender: Sender,
    read: Callable[..., dict[str, Any]],
    team_id: str,
    channel: str,
    key: MetadataKey,
    row_id: int,
    since: datetime,
) -> Posted | None:
    """The row's message in `channel` posted after `since` (less the margin), if any; `read`
    makes the history call (the Job's, which stops reading after a failure).

    Raises SendFailed when Slack cannot be asked: then nobody knows, and the caller must not post."""
    conversation = conversation_of(sender, team_id, channel)
    page = read(
        "conversations_history",
        channel=conversation,
        oldest=f"{(since - HISTORY_MARGIN).timestamp():.6f}",
        include_all_metadata=True,
        limit=PAGE,
    )
    return _row_in(page, key, row_id, conversation)


def find_in_thread(
    read: Callable[..., dict[str, Any]],
    channel: str,
    thread_ts: str,
    key: MetadataKey,
    row_id: int,
    since: datetime,
) -> Posted | None:
    """The row's reply in the thread under `thread_ts` (a follow-up's post), if an earlier attempt
    posted it: one page of `conversations.replies` from `since` less the margin, read with the
    Job's `read` like history. Raises SendFailed when Slack cannot be asked."""
    page = read(
        "conversations_replies",
        channel=channel,
        ts=thread_ts,
        oldest=f"{(since - HISTORY_MARGIN).timestamp():.6f}",
        include_all_metadata=True,
        limit=PAGE,
    )
    return _row_in(page, key, row_id, channel)


def _row_in(page: dict[str, Any], key: MetadataKey, row_id: int, channel: str) -> Posted | None:
    """The row's message on a page of history or replies, by the metadata that names it."""
    for message in page.get("messages") or []:
        if key.row_of(message) == row_id:
            return Posted(channel=channel, ts=str(message["ts"]))
    return None
