"""The reports pass of `goalbot tick`: plan what fell due, then send each claimed post once.

Reminders are one message; a digest is a parent message, its thread and the chart. Each post
carries its outbox id in message metadata, so a post whose sender died after posting (claim older
than the lease) is found in `conversations.history` and recorded instead of posted again.
"""

import logging
from datetime import datetime, timedelta

from bot.domain.reports.digest_schedule import DigestKind
from bot.domain.reports.local_time import local_date
from bot.domain.reports.periods import parse_period_id
from bot.domain.reports.reminders import ReminderKind
from bot.services.reports import claims
from bot.services.reports.digests import channel_digest, remember_digest
from bot.services.reports.planning import plan_reports
from bot.services.reports.reminder_contents import reminder_contents
from bot.services.reports.settings import show_settings
from handlers.outbound import SendFailed
from handlers.outbound.passes import PassSummary, TickContext
from handlers.reports.posting import METADATA_EVENT, post_digest, post_metadata
from handlers.views.report_reminders import build_reminder

logger = logging.getLogger(__name__)
BATCH = 50
RETRY_AFTER = timedelta(minutes=5)
_DIGESTS = {kind.value for kind in DigestKind}


def reports_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    planned = plan_reports(ctx.sessions, now=now, default_tz=ctx.default_tz.key)
    summary = PassSummary(due=planned.due, skipped=planned.skipped)
    while posts := claims.claim_posts(ctx.sessions, worker=ctx.worker, now=now, limit=BATCH):
        for post in posts:
            summary += _send(ctx, post, now)
    return summary


def _send(ctx: TickContext, post: claims.PostToSend, now: datetime) -> PassSummary:
    def call(method: str, **arguments):
        return ctx.sender.call(post.team_id, method, **arguments)

    try:
        if post.needs_reconcile and (ts := _already_posted(call, post)) is not None:
            claims.mark_sent(ctx.sessions, post, ts=ts, thread_ts=None, now=now)
            return PassSummary()
        settings = show_settings(ctx.sessions, post.team_id, post.channel_id, default_tz=ctx.default_tz.key)
        today = local_date(now, settings.zone)
        if post.kind in _DIGESTS:
            return _send_digest(ctx, call, post, settings.zone, today, now)
        contents = reminder_contents(
            ctx.sessions,
            team_id=post.team_id,
            channel_id=post.channel_id,
            kind=ReminderKind(post.kind),
            period=post.period,
            today=today,
        )
        if contents is None:
            claims.mark_skipped(ctx.sessions, post, reason="nothing to remind of any more")
            return PassSummary(skipped=1)
        text, blocks = build_reminder(contents)
        sent = call(
            "chat_postMessage",
            channel=post.channel_id,
            text=text,
            blocks=blocks,
            metadata=post_metadata(post.post_id),
        )
        claims.mark_sent(ctx.sessions, post, ts=str(sent["ts"]), thread_ts=None, now=now)
        return PassSummary(sent=1, retried=int(sent.get("_retries", 0)))
    except SendFailed as failed:
        if failed.retryable:
            claims.mark_retry(ctx.sessions, post, not_before=now + RETRY_AFTER, error=failed.error)
            return PassSummary(retried=1)
        logger.warning("report %s for %s refused: %s", post.kind, post.channel_id, failed.error)
        claims.mark_failed(ctx.sessions, post, error=failed.error)
        return PassSummary(skipped=1)


def _send_digest(ctx, call, post: claims.PostToSend, zone: str, today, now: datetime) -> PassSummary:
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

    def recorded(ts: str) -> None:
        claims.mark_sent(ctx.sessions, post, ts=ts, thread_ts=ts, now=now)

    try:
        post_digest(call, found, metadata=post_metadata(post.post_id), on_parent=recorded)
    except SendFailed as failed:
        if not _is_recorded(ctx, post):
            raise
        # The parent is out and recorded; a missing thread reply or chart is not worth a second digest.
        logger.warning("digest thread for %s incomplete: %s", post.channel_id, failed.error)
    remember_digest(
        ctx.sessions, team_id=post.team_id, channel_id=post.channel_id, digest=found.digest, now=now
    )
    return PassSummary(sent=1)


def _is_recorded(ctx: TickContext, post: claims.PostToSend) -> bool:
    return claims.post_state(ctx.sessions, post) == "sent"


def _already_posted(call, post: claims.PostToSend) -> str | None:
    history = call("conversations_history", channel=post.channel_id, include_all_metadata=True, limit=200)
    for message in history.get("messages", []):
        metadata = message.get("metadata") or {}
        if (
            metadata.get("event_type") == METADATA_EVENT
            and metadata.get("event_payload", {}).get("post_id") == post.post_id
        ):
            return str(message["ts"])
    return None
