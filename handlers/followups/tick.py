"""The tick's follow-up pass: post new follow-ups in their channel, remind about overdue ones,
and send the notices of closed ones that are still owed.

Everything is recorded before it is sent (posts and reminders by bot/services/followups/planning.py,
a notice with its close by notices.py), so repeated or concurrent ticks post each follow-up once,
remind once per local day and tell once. The outbox engine sends the `follow_up_messages` rows; the
three kinds are one message each, carrying their row id in metadata (`goalbot_followup` /
`message_id`) so an attempt whose outcome is unknown finds what an earlier one posted (in the
channel, the owner's or flagger's DM, or the post's thread). A workspace's messages go one at a
time, in the order they were recorded. `send_now` runs the same for one workspace at once, for the
listener that closes a follow-up.
"""

from collections import Counter
from datetime import datetime
from typing import Any

from bot.outbound.outbox import (
    Job,
    MessageKind,
    MetadataKey,
    Outcome,
    PassClock,
    SingleMessage,
    run_outbox,
)
from bot.outbound.outbox.tables import FOLLOWUP_MESSAGES
from bot.outbound.passes import PassSummary, TickContext
from bot.services.followups import planning
from bot.services.followups.outbox_items import FollowupMessageToSend
from handlers.followups.notice import ClosedNotice
from handlers.views.followup_post import (
    build_followup_post,
    build_followup_reminder,
    post_text,
    reminder_text,
)

FOLLOWUP_METADATA = MetadataKey("goalbot_followup", "message_id")
SENDERS = 1  # a workspace's follow-up messages go one at a time, in the order they were recorded


def followups_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    planned = planning.plan_followup_messages(ctx.sessions, now=now, default_tz=ctx.default_tz)
    outcomes = run_outbox(ctx, FOLLOWUP_MESSAGES, FOLLOWUP_KINDS, PassClock(now), senders=SENDERS)
    return PassSummary(
        due=planned.posts + planned.reminders,
        sent=outcomes[Outcome.SENT],
        retried=outcomes[Outcome.RETRIED],
        skipped=outcomes[Outcome.FAILED] + outcomes[Outcome.SKIPPED],
    )


def send_now(ctx: TickContext, team_id: str, now: datetime) -> Counter[Outcome]:
    """The workspace's due follow-up messages (a notice just recorded among them), sent now rather
    than at the next tick, the way the tick sends them: under the workspace's lease in `ctx.pool`
    and through its Sender and gate, so pacing holds across processes. A workspace another process
    is serving is left to it (an empty count), and whatever fails here the tick retries."""
    return run_outbox(
        ctx, FOLLOWUP_MESSAGES, FOLLOWUP_KINDS, PassClock(now), senders=SENDERS, only=team_id
    )


def followup_metadata(message_id: int) -> dict[str, Any]:
    return FOLLOWUP_METADATA.of(message_id)


def _post(job: Job[FollowupMessageToSend]) -> dict[str, Any]:
    return {"text": post_text(job.item.followup), "blocks": build_followup_post(job.item.followup)}


def _reminder(job: Job[FollowupMessageToSend]) -> dict[str, Any]:
    followup = job.item.followup
    to_owner = followup.owner_id is not None
    return {"text": reminder_text(followup), "blocks": build_followup_reminder(followup, to_owner=to_owner)}


def _where(message: FollowupMessageToSend) -> str:
    return message.channel


FOLLOWUP_KINDS: dict[str, MessageKind[FollowupMessageToSend]] = {
    "post": SingleMessage[FollowupMessageToSend](FOLLOWUP_METADATA, _where, _post),
    "reminder": SingleMessage[FollowupMessageToSend](FOLLOWUP_METADATA, _where, _reminder),
    "notice": ClosedNotice(FOLLOWUP_METADATA),
}
