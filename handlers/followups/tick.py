"""The tick's follow-up pass: post new follow-ups in their channel, remind about overdue ones.

Everything is recorded (bot/services/followups/planning.py) before the Sender posts it, so
repeated or concurrent ticks post each follow-up once and remind once per local day. A message an
earlier attempt may have posted (a claim past its lease, or a retry) is looked for first
(reconcile.py): found, its ts is recorded and it is not posted again.
"""

import logging
from datetime import datetime

from bot.outbound.passes import PassSummary, TickContext
from bot.outbound.sender import SendFailed
from bot.services.followups import claims, planning, sending
from handlers.followups.reconcile import find_posted, followup_metadata
from handlers.views.followup_post import (
    build_followup_post,
    build_followup_reminder,
    post_text,
    reminder_text,
)

logger = logging.getLogger(__name__)


def followups_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    planned = planning.plan_followup_messages(ctx.sessions, now=now, default_tz=ctx.default_tz)
    sent = retried = skipped = 0
    for message in claims.claim_followup_messages(ctx.sessions, worker=ctx.worker, now=now):
        if message.kind == "post":
            text, blocks = post_text(message.followup), build_followup_post(message.followup)
        else:
            to_owner = message.followup.owner_id is not None
            text = reminder_text(message.followup)
            blocks = build_followup_reminder(message.followup, to_owner=to_owner)
        try:
            found = find_posted(ctx.sender, message) if message.needs_reconcile else None
            if found is not None:
                sending.mark_sent(
                    ctx.sessions,
                    team_id=message.team_id,
                    message_id=message.message_id,
                    channel=found.channel,
                    ts=found.ts,
                    now=now,
                )
                continue
            result = ctx.sender.post(
                message.team_id,
                channel=message.channel,
                text=text,
                blocks=blocks,
                metadata=followup_metadata(message.message_id),
            )
        except SendFailed as failure:
            retried += failure.retries
            if failure.retryable:
                sending.mark_retry(
                    ctx.sessions,
                    team_id=message.team_id,
                    message_id=message.message_id,
                    error=failure.error,
                    now=now,
                )
            else:
                logger.warning("follow-up message %s refused: %s", message.message_id, failure.error)
                sending.mark_failed(
                    ctx.sessions, team_id=message.team_id, message_id=message.message_id, error=failure.error
                )
                skipped += 1
            continue
        retried += result.retries
        sending.mark_sent(
            ctx.sessions,
            team_id=message.team_id,
            message_id=message.message_id,
            channel=result.channel,
            ts=result.ts,
            now=now,
        )
        sent += 1
    return PassSummary(due=planned.posts + planned.reminders, sent=sent, retried=retried, skipped=skipped)
