"""Posting a digest: the compact parent message, then its parts in the thread (the replies, then the
chart).

`call(method, **arguments) -> dict` is whatever reaches Slack: the tick's Sender (paced, retried)
or a listener's WebClient. Each reply carries its outbox id and its part number in metadata, and
the chart has a file name of its own, so a later attempt can tell from the thread what is out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.outbound.outbox import MetadataKey
from bot.services.reports.digests import ChannelDigest
from handlers.views.charts import render_progress_chart
from handlers.views.report_digest import build_digest_parent, build_digest_thread, period_label

SlackCall = Callable[..., dict[str, Any]]
REPORT_METADATA = MetadataKey("goalbot_report", "post_id")


@dataclass(frozen=True)
class Reply:
    text: str
    blocks: list[Any]


@dataclass(frozen=True)
class Chart:
    found: ChannelDigest  # rendered only when it is sent: a resumed digest may be past it

    @property
    def filename(self) -> str:
        return chart_filename(self.found)


Part = Reply | Chart


def post_parent(call: SlackCall, found: ChannelDigest, *, metadata: dict | None = None) -> str:
    """The parent message's ts (the thread's)."""
    text, blocks = build_digest_parent(found.digest)
    extra = {"metadata": metadata} if metadata else {}
    parent = call("chat_postMessage", channel=found.channel_id, text=text, blocks=blocks, **extra)
    return str(parent["ts"])


def digest_parts(found: ChannelDigest) -> list[Part]:
    replies: list[Part] = [Reply(text, blocks) for text, blocks in build_digest_thread(found.digest)]
    return [*replies, Chart(found)]


def send_part(
    call: SlackCall, found: ChannelDigest, thread_ts: str, part: Part, metadata: dict | None
) -> None:
    if isinstance(part, Reply):
        extra = {"metadata": metadata} if metadata else {}
        call(
            "chat_postMessage",
            channel=found.channel_id,
            thread_ts=thread_ts,
            text=part.text,
            blocks=part.blocks,
            **extra,
        )
        return
    label = period_label(found.digest)
    png = render_progress_chart(found.chart, title=f"Progress against pace · {label}")
    call(
        "files_upload_v2",
        channel=found.channel_id,
        thread_ts=thread_ts,
        file=png,
        filename=part.filename,
        title=f"Progress against pace, {label}",
    )


def post_digest(call: SlackCall, found: ChannelDigest) -> str:
    """An asked-for digest, all at once (nothing to resume: the person can ask again)."""
    ts = post_parent(call, found)
    for part in digest_parts(found):
        send_part(call, found, ts, part, None)
    return ts


def chart_filename(found: ChannelDigest) -> str:
    return f"progress-{found.digest.period.id}.png"


def post_metadata(post_id: int, part: int | None = None) -> dict:
    return REPORT_METADATA.of(post_id) if part is None else REPORT_METADATA.of(post_id, part=part)
