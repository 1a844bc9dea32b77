"""The reports pass of `goalbot tick`: plan what fell due, then send each claimed post once.

Reminders are one message; a digest is a parent message, its thread and the chart
(digest_sending.py, which resumes a digest that failed part-way). Each post carries its outbox id
in message metadata, so a post an earlier attempt may have posted (its claim outlived the lease, or
it was retried) is found in `conversations.history` and recorded instead of posted again.

A retry waits longer each time (5 minutes, doubling, at most an hour), and a post that has not
started by its `useful_until` (a mid-month check after the month ended, last week's digest after
this week's is due) is skipped rather than posted late, unless an earlier attempt got it out.
"""

import logging
from datetime import datetime, timedelta

from bot.domain.reports.digest_schedule import DigestKind
from bot.domain.reports.local_time import local_date
from bot.domain.reports.reminders import ReminderKind
from bot.outbound import SendFailed
from bot.outbound.passes import PassSummary, TickContext
from bot.services.reports import claims
from bot.services.reports.planning import plan_reports
from bot.services.reports.reminder_contents import reminder_contents
from bot.services.reports.settings import show_settings
from handlers.reports.digest_sending import send_digest
from handlers.reports.posting import post_metadata
from handlers.reports.reconcile import find_parent
from handlers.views.report_reminders import build_reminder

logger = logging.getLogger(__name__)
BATCH = 50
RETRY_AFTER = timedelta(minutes=5)
RETRY_MOST = timedelta(hours=1)
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
        if _too_late(post, now) and not (post.needs_reconcile and find_parent(call, post)):
            claims.mark_skipped(ctx.sessions, post, reason="too late: Slack could not be reached in time")
            return PassSummary(skipped=1)
        settings = show_settings(ctx.sessions, post.team_id, post.channel_id, default_tz=ctx.default_tz.key)
        today = local_date(now, settings.zone)
        if post.kind in _DIGESTS:
            return send_digest(ctx, call, post, settings.zone, today, now)
        if post.needs_reconcile and (ts := find_parent(call, post)) is not None:
            claims.mark_sent(ctx.sessions, post, ts=ts, thread_ts=None, now=now)
            return PassSummary()
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
            claims.mark_retry(
                ctx.sessions, post, not_before=now + retry_delay(post.attempts), error=failed.error
            )
            return PassSummary(retried=1)
        logger.warning("report %s for %s refused: %s", post.kind, post.channel_id, failed.error)
        claims.mark_failed(ctx.sessions, post, error=failed.error)
        return PassSummary(skipped=1)


def retry_delay(attempts: int) -> timedelta:
    return min(RETRY_AFTER * 2 ** max(attempts - 1, 0), RETRY_MOST)


def _too_late(post: claims.PostToSend, now: datetime) -> bool:
    """Nothing of it is out yet and its moment has passed."""
    return post.message_ts is None and post.useful_until is not None and now >= post.useful_until
