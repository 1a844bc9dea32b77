"""The reports pass of `goalbot tick`: plan what fell due, then let the outbox engine send it.

Two kinds of message live in `report_posts`: a reminder (one message, built here) and a digest (a
parent, its thread and the chart: digest_sending.py). Each carries its outbox id in metadata
(`goalbot_report` / `post_id`), so an attempt whose outcome is unknown finds what an earlier one
posted. A post that has not started by its `useful_until` (a mid-month check after the month
ended, last week's digest after this week's is due) is skipped rather than posted late, unless an
earlier attempt got it out. Posts of a workspace go one at a time, in order.
"""

from datetime import datetime
from typing import Any

from bot.domain.reports.local_time import local_date
from bot.domain.reports.reminders import ReminderKind
from bot.outbound.outbox import Job, MessageKind, NothingToSend, Outcome, PassClock, SingleMessage, run_outbox
from bot.outbound.outbox.tables import REPORT_POSTS
from bot.outbound.passes import PassSummary, TickContext
from bot.services.reports.planning import plan_reports
from bot.services.reports.post_items import DIGEST, REMINDER, PostToSend
from bot.services.reports.reminder_contents import reminder_contents
from bot.services.reports.settings import show_settings
from handlers.reports.digest_sending import DigestMessage
from handlers.reports.posting import REPORT_METADATA
from handlers.views.report_reminders import build_reminder


def reports_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    planned = plan_reports(ctx.sessions, now=now, default_tz=ctx.default_tz.key)
    outcomes = run_outbox(ctx, REPORT_POSTS, REPORT_KINDS, PassClock(now), senders=1)
    return PassSummary(
        due=planned.due,
        sent=outcomes[Outcome.SENT],
        retried=outcomes[Outcome.RETRIED],
        skipped=planned.skipped + outcomes[Outcome.FAILED] + outcomes[Outcome.SKIPPED],
    )


def reminder_message(job: Job[PostToSend]) -> dict[str, Any]:
    post = job.item
    settings = show_settings(
        job.ctx.sessions, post.team_id, post.channel_id, default_tz=post.default_tz
    )
    contents = reminder_contents(
        job.ctx.sessions,
        team_id=post.team_id,
        channel_id=post.channel_id,
        kind=ReminderKind(post.kind),
        period=post.period,
        today=local_date(job.clock.instant, settings.zone),
    )
    if contents is None:
        raise NothingToSend("nothing to remind of any more")
    text, blocks = build_reminder(contents)
    return {"text": text, "blocks": blocks}


REPORT_KINDS: dict[str, MessageKind[PostToSend]] = {
    REMINDER: SingleMessage[PostToSend](REPORT_METADATA, lambda post: post.channel_id, reminder_message),
    DIGEST: DigestMessage(),
}
