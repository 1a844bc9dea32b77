"""Crash and retry safety: before posting what an earlier attempt may have posted, look for it.

A post's parent carries its outbox id in metadata (`goalbot_report` / `post_id`) and is looked for
in the channel's history; a digest's replies also carry their part number and are looked for in
the thread (`conversations.replies`), with the chart found by its file name. Raises SendFailed
when Slack cannot be asked: then nobody knows, and the caller must not post.
"""

from typing import Any

from bot.services.reports.claims import PostToSend
from handlers.reports.posting import METADATA_EVENT, Chart, Part, SlackCall

_PAGE = 200
_MAX_PAGES = 10


def find_parent(call: SlackCall, post: PostToSend) -> str | None:
    """The ts of the post's (parent) message in its channel, if an earlier attempt posted it."""
    history = call("conversations_history", channel=post.channel_id, include_all_metadata=True, limit=_PAGE)
    for message in history.get("messages", []):
        payload = _payload(message)
        if payload is not None and payload.get("post_id") == post.post_id and "part" not in payload:
            return str(message["ts"])
    return None


def parts_out(call: SlackCall, post: PostToSend, thread_ts: str, parts: list[Part]) -> int:
    """How many of `parts` the thread already has. They go out in order, so the last one found
    tells: every part before it is out too."""
    done, cursor = 0, None
    for _ in range(_MAX_PAGES):
        page = call(
            "conversations_replies",
            channel=post.channel_id,
            ts=thread_ts,
            include_all_metadata=True,
            limit=_PAGE,
            **({"cursor": cursor} if cursor else {}),
        )
        for message in page.get("messages") or []:
            done = max(done, _part_number(message, post.post_id, parts))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
    return done


def _part_number(message: dict[str, Any], post_id: int, parts: list[Part]) -> int:
    """1 + the index of the part this message is, else 0."""
    payload = _payload(message)
    if payload is not None and payload.get("post_id") == post_id and isinstance(payload.get("part"), int):
        return min(payload["part"] + 1, len([p for p in parts if not isinstance(p, Chart)]))
    names = {str(f.get("name")) for f in message.get("files") or []}
    charts = [i for i, part in enumerate(parts) if isinstance(part, Chart) and part.filename in names]
    return charts[-1] + 1 if charts else 0


def _payload(message: dict[str, Any]) -> dict[str, Any] | None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != METADATA_EVENT:
        return None
    payload = metadata.get("event_payload")
    return payload if isinstance(payload, dict) else None
