"""The tick's follow-up pass: post new follow-ups in their channel, remind about overdue ones.

Everything is recorded (bot/services/followups/planning.py) before it is sent, so repeated or
concurrent ticks post each follow-up once and remind once per local day. The outbox engine sends
the `follow_up_messages` rows; the two kinds are one message each, carrying their row id in
metadata (`goalbot_followup` / `message_id`) so an attempt whose outcome is unknown finds what an
earlier one posted (in the channel, or the owner's DM). A workspace's posts go one at a time, in
the order they were flagged.
"""

from datetime import datetime
from typing import Any

from bot.outbound.outbox import Job, MessageKind, MetadataKey, Outcome, PassClock, SingleMessage, run_outbox
from bot.outbound.outbox.tables import FOLLOWUP_MESSAGES
from bot.outbound.passes import PassSummary, TickContext
from bot.services.followups import planning
from bot.services.followups.outbox_items import FollowupMessageToSend
from handlers.views.followup_post import (
    build_followup_post,
    build_followup_reminder,
    post_text,
    reminder_text,
)

FOLLOWUP_METADATA = MetadataKey("goalbot_followup", "message_id")


def followups_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    planned = planning.plan_followup_messages(ctx.sessions, now=now, default_tz=ctx.default_tz)
    outcomes = run_outbox(ctx, FOLLOWUP_MESSAGES, FOLLOWUP_KINDS, PassClock(now), senders=1)
    return PassSummary(
        due=planned.posts + planned.reminders,
        sent=outcomes[Outcome.SENT],
        retried=outcomes[Outcome.RETRIED],
        skipped=outcomes[Outcome.FAILED] + outcomes[Outcome.SKIPPED],
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
}
