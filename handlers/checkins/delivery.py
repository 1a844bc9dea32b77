"""The check-in pass of a tick: record what is due, then deliver it, each prompt exactly once.

1. Planning (`plan_in_groups`) records due prompts and reminders under their unique keys before
   anything is sent (a key that is already there is left alone, so a repeated or concurrent tick
   adds none), a group of workspaces at a time.
2. The outbox engine (bot/outbound/outbox) sends the `checkin_deliveries` rows due, each planned
   group's as soon as its rows are in, while the next group is planned: a prompt and a reminder
   are each one DM (delivery_message.py builds it), worth sending until the period closes. A big
   workspace's prompts go a few at once (as many as its rate needs at the time Slack takes to
   answer, bot/outbound/call_times.py); its gate sets the pace.
"""

from collections.abc import Iterator
from datetime import datetime

from bot.outbound.outbox import Outcome, PassClock, run_outbox
from bot.outbound.outbox.tables import CHECKIN_DELIVERIES
from bot.outbound.passes import PassSummary, TickContext
from bot.services.checkins.planning import plan_in_groups
from bot.services.checkins.read_models import PlanSummary
from handlers.checkins.delivery_message import checkin_kinds

SENDERS = 16  # most posts at once within a workspace (call_times.py: what its rate needs, fewer)


def tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    clock = PassClock(now)
    planned = PlanSummary()

    def planning() -> Iterator[list[str]]:
        nonlocal planned
        for group in plan_in_groups(ctx.sessions, now=now, default_tz=ctx.default_tz.key):
            planned += group.summary
            yield group.teams

    # The engine asks for every group (its lanes end only once planning says no more), so
    # `planned` is complete when it returns.
    outcomes = run_outbox(ctx, CHECKIN_DELIVERIES, checkin_kinds(), clock, senders=SENDERS, coming=planning())
    return PassSummary(
        due=sum(outcomes[o] for o in (Outcome.SENT, Outcome.RETRIED, Outcome.FAILED, Outcome.SKIPPED)),
        sent=outcomes[Outcome.SENT],
        retried=outcomes[Outcome.RETRIED],
        skipped=planned.skipped + outcomes[Outcome.FAILED] + outcomes[Outcome.SKIPPED],
    )
