"""The tick's pass that settles closed anonymous check-in days: their numbers become one median
measurement per objective, once (bot/services/checkins/anonymous_close.py). It sends nothing."""

from datetime import datetime

from bot.outbound.passes import PassSummary, TickContext
from bot.services.checkins.anonymous_close import settle_anonymous_days


def anonymous_numbers_tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    settle_anonymous_days(ctx.sessions, now)
    return PassSummary()
