"""Reconciling a digest's thread: how many of its parts an earlier attempt got out.

Read only when the digest's outcome is unknown (an attempt got no answer, or its claim's lease ran
out) and its parent is out: each reply carries its outbox id and part number in metadata, and the
chart is found by its file name. One page of `conversations.replies` (limited like history for
apps outside the Marketplace): a digest's thread is a handful of messages. Raises SendFailed when
Slack cannot be asked: then nobody knows, and the caller must not post.
"""

from typing import Any

from bot.services.reports.post_items import PostToSend
from handlers.reports.posting import REPORT_METADATA, Chart, Part, SlackCall

_PAGE = 200


def parts_out(call: SlackCall, post: PostToSend, thread_ts: str, parts: list[Part]) -> int:
    """How many of `parts` the thread already has. They go out in order, so the last one found
    tells: every part before it is out too."""
    page = call(
        "conversations_replies", channel=post.channel_id, ts=thread_ts, include_all_metadata=True, limit=_PAGE
    )
    return max((_part_number(m, post.post_id, parts) for m in page.get("messages") or []), default=0)


def _part_number(message: dict[str, Any], post_id: int, parts: list[Part]) -> int:
    """1 + the index of the part this message is, else 0."""
    payload = REPORT_METADATA.payload(message)
    if payload is not None and payload.get("post_id") == post_id and isinstance(payload.get("part"), int):
        return min(payload["part"] + 1, len([p for p in parts if not isinstance(p, Chart)]))
    names = {str(f.get("name")) for f in message.get("files") or []}
    charts = [i for i, part in enumerate(parts) if isinstance(part, Chart) and part.filename in names]
    return charts[-1] + 1 if charts else 0
