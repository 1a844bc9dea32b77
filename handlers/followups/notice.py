"""The notice that a follow-up was closed, as a kind of message the outbox engine runs.

Whoever flagged it hears in their DM. An anonymous one has nobody to tell, so the post's thread
says it instead, and neither its row, nor the logs, nor the message name anyone but the closer.
The row is recorded with the close (bot/services/followups/notices.py); the closing listener runs
the engine at once (tick.py::send_now) and the tick retries it after a 429, a 5xx or a crash. When
an earlier attempt's outcome is unknown, the DM's history or the thread's replies are read first
for the row's metadata, so a retry never posts it twice.
"""

from bot.outbound import SendFailed
from bot.outbound.outbox import Job, MetadataKey, NothingToSend, Posted
from bot.outbound.outbox.reconcile import find_in_thread
from bot.services.followups import actions as followups_actions
from bot.services.followups.outbox_items import FollowupMessageToSend
from bot.services.followups.read_models import FollowupView
from bot.services.followups.refusals import FollowupNotFound
from handlers.views.followup_post import build_closed_notice, closed_notice_text

Thread = tuple[str, str]  # (channel, the post's ts)


class ClosedNotice:
    def __init__(self, metadata: MetadataKey) -> None:
        self.metadata = metadata

    def find_posted(self, job: Job[FollowupMessageToSend]) -> Posted | None:
        if not job.item.followup.anonymous:
            return job.find_posted(job.item.channel, self.metadata)
        thread = _thread(job)[0]
        if thread is None:
            return None  # no thread yet: nothing of it can be out
        since = job.claim.unknown_since or job.claim.claimed_at
        return find_in_thread(job.read_history, *thread, self.metadata, job.claim.id, since)

    def send(self, job: Job[FollowupMessageToSend]) -> Posted | None:
        if job.unknown:
            found = self.find_posted(job)
            job.unknown = False
            if found is not None:
                return found
        metadata = self.metadata.of(job.claim.id)
        if not job.item.followup.anonymous:
            message = _message(job.item.followup)
            sent = job.ctx.sender.post(job.team_id, channel=job.item.channel, metadata=metadata, **message)
            return Posted(sent.channel, sent.ts, sent.retries)
        thread, followup = _thread(job)
        if thread is None:
            # Its post goes first; a notice waits for it under the retry policy, as after a 5xx.
            raise SendFailed("waiting for its post to go out", retryable=True, retries=0)
        channel, post_ts = thread
        sent = job.ctx.sender.post(
            job.team_id, channel=channel, thread_ts=post_ts, metadata=metadata, **_message(followup)
        )
        return Posted(sent.channel, sent.ts, sent.retries)


def _message(followup: FollowupView) -> dict[str, object]:
    return {"text": closed_notice_text(followup), "blocks": build_closed_notice(followup)}


def _thread(job: Job[FollowupMessageToSend]) -> tuple[Thread | None, FollowupView]:
    """The post's thread, read again if the post was not out when the row was claimed (it may
    have gone out since, earlier in the same pass)."""
    followup = job.item.followup
    if not followup.post_ts:
        try:
            followup = followups_actions.followup(job.ctx.sessions, job.team_id, followup.followup_id)
        except FollowupNotFound:
            raise NothingToSend("the follow-up is gone") from None
    if followup.post_channel and followup.post_ts:
        return (followup.post_channel, followup.post_ts), followup
    return None, followup
