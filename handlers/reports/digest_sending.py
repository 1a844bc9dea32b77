"""Sending a scheduled digest from the outbox: the parent once, then each part once.

The parent's ts is recorded the moment it is out, and each part (a thread reply, then the chart)
as soon as it is out, so a failure part-way (a 429 or 5xx outlasting the Sender's retries, a
stall, a crash) leaves the row to retry with what is done. The next attempt never posts the parent
again and first reads the thread (reconcile.py) for the part that was in flight, which Slack may
have taken after all. The digest is recomputed for that attempt: its period is closed and its
"change since the last digest" is remembered only once the last part is out, so the rest of the
thread matches the parent.
"""

import logging
from datetime import datetime

from bot.domain.reports.periods import parse_period_id
from bot.outbound import SendFailed
from bot.outbound.passes import PassSummary, TickContext
from bot.services.reports import claims
from bot.services.reports.digests import channel_digest, remember_digest
from handlers.reports.posting import SlackCall, digest_parts, post_metadata, post_parent, send_part
from handlers.reports.reconcile import find_parent, parts_out

logger = logging.getLogger(__name__)


def send_digest(
    ctx: TickContext, call: SlackCall, post: claims.PostToSend, zone: str, today, now: datetime
) -> PassSummary:
    period = parse_period_id(post.period)
    if period is None:
        claims.mark_failed(ctx.sessions, post, error=f"unknown period {post.period}")
        return PassSummary(skipped=1)
    found = channel_digest(
        ctx.sessions,
        team_id=post.team_id,
        channel_id=post.channel_id,
        period=period,
        today=today,
        zone=zone,
        now=now,
    )
    ts, done = post.message_ts, post.parts_sent
    parts = digest_parts(found)
    if ts is None:
        ts = find_parent(call, post) if post.needs_reconcile else None
        resumed = ts is not None
        if ts is None:
            ts = post_parent(call, found, metadata=post_metadata(post.post_id))
        if not claims.record_parent(ctx.sessions, post, ts=ts):
            return PassSummary()  # another sender holds the row now
    else:
        resumed = True
    if resumed and (found_out := parts_out(call, post, ts, parts)) > done:
        done = found_out
        if not claims.record_parts(ctx.sessions, post, parts_sent=done):
            return PassSummary()
    try:
        for index in range(done, len(parts)):
            send_part(call, found, ts, parts[index], post_metadata(post.post_id, index))
            if not claims.record_parts(ctx.sessions, post, parts_sent=index + 1):
                return PassSummary()
    except SendFailed as failed:
        if failed.retryable:
            raise
        # Slack refuses this part for good: the parent is out, so the digest is not posted again.
        logger.warning("digest thread for %s incomplete: %s", post.channel_id, failed.error)
        remember_digest(
            ctx.sessions, team_id=post.team_id, channel_id=post.channel_id, digest=found.digest, now=now
        )
        claims.mark_failed(ctx.sessions, post, error=f"thread incomplete: {failed.error}")
        return PassSummary(skipped=1)
    remember_digest(
        ctx.sessions, team_id=post.team_id, channel_id=post.channel_id, digest=found.digest, now=now
    )
    claims.mark_sent(ctx.sessions, post, ts=ts, thread_ts=ts, now=now)
    return PassSummary(sent=1)
