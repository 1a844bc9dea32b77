"""The digest, as a kind of message the outbox engine runs: the parent once, then each part once.

The parent's ts is recorded the moment it is out, and each part (a thread reply, then the chart)
as soon as it is out, all under the claim, so a failure part-way (a 429 or 5xx outlasting the
Sender's retries, a stall, a crash) leaves the row to retry with what is done. The next attempt
never posts the parent again; only when the outcome is unknown (a part got no answer, or the
sender died) does it first read the thread (reconcile.py) for the part that was in flight. The
digest is recomputed for that attempt: its period is closed and its "change since the last digest"
is remembered only once the last part is out, so the rest of the thread matches the parent.
"""

import logging

from bot.domain.reports.local_time import local_date
from bot.domain.reports.periods import parse_period_id
from bot.outbound import SendFailed
from bot.outbound.outbox import Job, Posted
from bot.services.reports.digests import channel_digest, remember_digest
from bot.services.reports.post_items import PostToSend
from bot.services.reports.settings import show_settings
from handlers.reports.posting import REPORT_METADATA, digest_parts, post_metadata, post_parent, send_part
from handlers.reports.reconcile import parts_out

logger = logging.getLogger(__name__)


class DigestMessage:
    """A scheduled digest: a parent message, its thread replies, then the chart upload."""

    def find_posted(self, job: Job[PostToSend]) -> Posted | None:
        return job.find_posted(job.item.channel_id, REPORT_METADATA)

    def send(self, job: Job[PostToSend]) -> Posted | None:
        post, now = job.item, job.clock.instant
        period = parse_period_id(post.period)
        if period is None:
            raise SendFailed(f"unknown period {post.period}", retryable=False, retries=0)
        settings = show_settings(
            job.ctx.sessions, post.team_id, post.channel_id, default_tz=post.default_tz
        )
        found = channel_digest(
            job.ctx.sessions,
            team_id=post.team_id,
            channel_id=post.channel_id,
            period=period,
            today=local_date(now, settings.zone),
            zone=settings.zone,
            now=now,
        )
        parts = digest_parts(found)
        ts, done, read_thread = job.claim.message_ts, post.parts_sent, job.unknown
        if ts is None:
            parent = self.find_posted(job) if job.unknown else None
            read_thread = parent is not None
            ts = parent.ts if parent else post_parent(job.call, found, metadata=post_metadata(post.post_id))
            if not job.progress(message_channel=post.channel_id, message_ts=ts, thread_ts=ts):
                return None  # another sender holds the row now
        if read_thread and (out := parts_out(job.read_history, post, ts, parts)) > done:
            done = out
            if not job.progress(parts_sent=done):
                return None
        job.unknown = False
        try:
            for index in range(done, len(parts)):
                send_part(job.call, found, ts, parts[index], post_metadata(post.post_id, index))
                if not job.progress(parts_sent=index + 1):
                    return None
        except SendFailed as failed:
            if failed.retryable:
                raise
            # Slack refuses this part for good: the parent is out, so the digest is not posted again.
            logger.warning("digest thread for %s incomplete: %s", post.channel_id, failed.error)
            remember_digest(
                job.ctx.sessions,
                team_id=post.team_id,
                channel_id=post.channel_id,
                digest=found.digest,
                now=now,
            )
            raise SendFailed(
                f"thread incomplete: {failed.error}", retryable=False, retries=failed.retries
            ) from None
        remember_digest(
            job.ctx.sessions, team_id=post.team_id, channel_id=post.channel_id, digest=found.digest, now=now
        )
        return Posted(post.channel_id, ts)
