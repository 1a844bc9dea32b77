"""Posting a digest: the compact parent message, its thread replies, then the chart in the thread.

`call(method, **arguments) -> dict` is whatever reaches Slack: the tick's Sender (paced, retried)
or a listener's WebClient.
"""

from collections.abc import Callable
from typing import Any

from bot.services.reports.digests import ChannelDigest
from handlers.views.charts import render_progress_chart
from handlers.views.report_digest import build_digest_parent, build_digest_thread, period_label

SlackCall = Callable[..., dict[str, Any]]
METADATA_EVENT = "goalbot_report"


def post_digest(
    call: SlackCall,
    found: ChannelDigest,
    *,
    metadata: dict | None = None,
    on_parent: Callable[[str], None] = lambda ts: None,
) -> tuple[str, str]:
    """(ts, thread_ts) of the parent message; the thread and the chart follow it.

    `on_parent(ts)` runs as soon as the parent is posted, so the outbox records it before the
    thread is attempted: a failure in the thread must never post the parent a second time.
    """
    text, blocks = build_digest_parent(found.digest)
    extra = {"metadata": metadata} if metadata else {}
    parent = call("chat_postMessage", channel=found.channel_id, text=text, blocks=blocks, **extra)
    ts = str(parent["ts"])
    on_parent(ts)
    for reply_text, reply_blocks in build_digest_thread(found.digest):
        call("chat_postMessage", channel=found.channel_id, thread_ts=ts, text=reply_text, blocks=reply_blocks)
    label = period_label(found.digest)
    png = render_progress_chart(list(found.series), title=f"Progress against pace · {label}")
    call(
        "files_upload_v2",
        channel=found.channel_id,
        thread_ts=ts,
        file=png,
        filename=f"progress-{found.digest.period.id}.png",
        title=f"Progress against pace, {label}",
    )
    return ts, ts


def post_metadata(post_id: int) -> dict:
    return {"event_type": METADATA_EVENT, "event_payload": {"post_id": post_id}}
