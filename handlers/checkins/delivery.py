"""The check-in pass of a tick: record what is due, then deliver it, each prompt exactly once.

1. `plan_deliveries` records due prompts and reminders under their unique keys before anything
   is sent (a key that is already there is left alone, so a repeated or concurrent tick adds none).
2. `claim_deliveries` takes due rows in batches (disjoint between concurrent ticks); a small
   thread pool posts them through the Sender, whose gate paces each workspace, so throughput is
   the workspace's rate, not one request's round trip.
3. Each outcome is recorded: the ts (`mark_sent`), a later retry with backoff (`mark_retry`) when
   Slack was down or slow, or `mark_failed` when Slack refused the message itself.

A row claimed before whose lease ran out (its sender was killed) is first looked for in the DM.

Time: a row is recorded sent at the tick's instant (`now`), so reminders, which count from it,
fall on the tick they are due at. Claims and retries use `now` moved on by the time the pass has
taken, so a long fan-out does not stamp fresh claims with an instant a concurrent tick already
sees as an expired lease.
"""

import logging
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from bot.outbound import SendFailed
from bot.outbound.passes import PassSummary, TickContext
from bot.services.checkins import claims
from bot.services.checkins.planning import plan_deliveries
from bot.services.checkins.read_models import DeliveryToSend
from handlers.checkins.delivery_message import ChannelNames, prompt_message
from handlers.checkins.delivery_reconcile import find_posted

logger = logging.getLogger(__name__)

SENDERS = 8  # threads posting at once; the gate, not this, sets the pace
BATCH = 100  # rows claimed at a time: small next to what the lease allows at any sane rate
RETRY_FIRST = timedelta(seconds=30)
RETRY_MOST = timedelta(minutes=15)


class Outcome(Enum):
    SENT = "sent"
    RETRIED = "retried"
    FAILED = "failed"


@dataclass(frozen=True)
class PassClock:
    """The tick's instant, and that instant moved on by the time the pass has taken so far."""

    instant: datetime
    started: float = field(default_factory=time.monotonic)

    def current(self) -> datetime:
        return self.instant + timedelta(seconds=time.monotonic() - self.started)


def tick_pass(ctx: TickContext, now: datetime) -> PassSummary:
    clock = PassClock(now)
    planned = plan_deliveries(ctx.sessions, now=now, default_tz=ctx.default_tz.key)
    outcomes = deliver_due(ctx, clock)
    return PassSummary(
        due=sum(outcomes.values()),
        sent=outcomes[Outcome.SENT],
        retried=outcomes[Outcome.RETRIED],
        skipped=planned.skipped + outcomes[Outcome.FAILED],
    )


def deliver_due(ctx: TickContext, clock: PassClock) -> Counter[Outcome]:
    """Claims and sends until nothing more is due at `clock.current()`. The next batch is claimed while
    the last one is still going out, so the pool never waits on the database."""
    names = ChannelNames(ctx.sender)
    outcomes: Counter[Outcome] = Counter()
    in_flight: set[Future[Outcome]] = set()
    more = True
    with ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="checkin-send") as pool:
        while more or in_flight:
            if more and len(in_flight) < BATCH:
                batch = _claim(ctx, clock.current())
                more = bool(batch)  # rows skipped at claim time are not returned: ask until none
                in_flight |= {pool.submit(deliver_one, ctx, d, names, clock) for d in batch}
                continue
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            outcomes.update(future.result() for future in done)
    return outcomes


def deliver_one(ctx: TickContext, delivery: DeliveryToSend, names: ChannelNames, clock: PassClock) -> Outcome:
    try:
        if delivery.needs_reconcile and (found := find_posted(ctx.sender, delivery)) is not None:
            channel, ts = found.channel, found.ts
            logger.info("delivery %d was posted before a crash (ts %s); not posting again", delivery.id, ts)
        else:
            name = names.name(delivery.team_id, delivery.channel_id)
            sent = ctx.sender.post(delivery.team_id, **prompt_message(delivery, name))
            channel, ts = sent.channel, sent.ts
    except SendFailed as failure:
        return _record_failure(ctx, delivery, failure, clock.current())
    claims.mark_sent(
        ctx.sessions,
        team_id=delivery.team_id,
        delivery_id=delivery.id,
        channel=channel,
        ts=ts,
        now=clock.instant,
    )
    return Outcome.SENT


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failed attempt, doubling, at most 15 minutes."""
    return min(RETRY_MOST, RETRY_FIRST * 2 ** max(0, attempts - 1))


def _record_failure(
    ctx: TickContext, delivery: DeliveryToSend, failure: SendFailed, now: datetime
) -> Outcome:
    team_id, delivery_id = delivery.team_id, delivery.id
    if failure.retryable:
        not_before = now + retry_delay(delivery.attempts)
        claims.mark_retry(
            ctx.sessions, team_id=team_id, delivery_id=delivery_id, not_before=not_before, error=failure.error
        )
        logger.info("delivery %d: %s; retrying from %s", delivery.id, failure.error, not_before)
        return Outcome.RETRIED
    claims.mark_failed(ctx.sessions, team_id=team_id, delivery_id=delivery_id, error=failure.error)
    logger.warning("delivery %d to %s refused by Slack: %s", delivery.id, delivery.user_id, failure.error)
    return Outcome.FAILED


def _claim(ctx: TickContext, now: datetime) -> list[DeliveryToSend]:
    return claims.claim_deliveries(
        ctx.sessions, worker=ctx.worker, now=now, limit=BATCH, default_tz=ctx.default_tz.key
    )
