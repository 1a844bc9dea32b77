"""Tick cost: one tick over many schedule memberships with few people due. The goal is ≤ 1 s at
100,000 memberships, growing with the number due, not with the number of memberships.

    python -m benchmarks.tick_cost                    # SQLite
    python -m benchmarks.tick_cost --database postgres  # TEST_DATABASE_URL

One channel; `due` people live in UTC, where it is 09:00 at the tick; everyone else lives in zones
where it is some other hour. Prints the first tick (plans and sends the due prompts through the
stand-in, paced far above the number due), its planning part (recording what is due in the outbox),
and the tick a minute later (nothing new: the planning scan alone). The baseline, measured in the
same run, is the same tick in a channel of only the `due` people: the cost of what is due, which
the tick should approach however many others the channel has (ratio tick / baseline). The
stand-in runs in this process, so its work on each post is in both figures. No asserts: figures.
"""

import argparse
import itertools
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from benchmarks.checkin_data import NINE_UTC, add_people, add_schedule, database, sessions_for, set_cursor
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.services.checkins.planning import plan_deliveries
from bot.slack.standin import SlackStandIn
from handlers.checkins.delivery import tick_pass

SIZES = [(10_000, 50), (100_000, 50), (100_000, 500)]


def other_zones() -> list[str]:
    """Zones where 09:00 UTC on the benchmark's Monday is not 09:00 local."""
    return sorted(z for z in available_timezones() if ZoneInfo(z).utcoffset(NINE_UTC) != timedelta(0))


@dataclass(frozen=True)
class Tick:
    total: float  # seconds: planning and sending
    planning: float
    idle: float  # the tick a minute later
    due: int
    sent: int


def run_tick(kind: str, memberships: int, due: int, slack: SlackStandIn) -> Tick:
    zones = [*(["UTC"] * due), *itertools.islice(itertools.cycle(other_zones()), memberships - due)]
    with tempfile.TemporaryDirectory() as folder, database(kind, Path(folder)) as url:
        sessions = sessions_for(url)
        add_people(sessions, zones)
        add_schedule(sessions)
        sender = Sender(single_token("xoxb-bench"), WorkspaceGate(10_000.0), base_url=slack.base_url)
        ctx = TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("UTC"), worker="bench")
        set_cursor(sessions, NINE_UTC - timedelta(minutes=1))  # the clock ticked a minute ago
        started = time.perf_counter()
        # The tick's own first step, timed apart; the pass then finds it planned and sends.
        plan_deliveries(sessions, now=NINE_UTC, default_tz="UTC")
        planning = time.perf_counter() - started
        summary = tick_pass(ctx, NINE_UTC)
        total = time.perf_counter() - started
        started = time.perf_counter()
        tick_pass(ctx, NINE_UTC + timedelta(minutes=1))
        idle = time.perf_counter() - started
        sessions.kw["bind"].dispose()
    return Tick(total, planning, idle, summary.due, summary.sent)


def measure(kind: str, memberships: int, due: int, slack: SlackStandIn) -> str:
    tick = run_tick(kind, memberships, due, slack)
    baseline = run_tick(kind, due, due, slack)
    return (
        f"{kind:>8} {memberships:>7,} memberships, {due:>4} due: tick {tick.total * 1000:6.0f} ms "
        f"(planning {tick.planning * 1000:4.0f} ms; due {tick.due}, sent {tick.sent}); "
        f"next minute {tick.idle * 1000:4.0f} ms; baseline (the {due} due alone) "
        f"{baseline.total * 1000:5.0f} ms (planning {baseline.planning * 1000:3.0f} ms): "
        f"ratio {tick.total / baseline.total:4.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    with SlackStandIn() as slack:
        run_tick(args.database, 100, 10, slack)  # warm-up: imports, zone tables
        for memberships, due in SIZES:
            print(measure(args.database, memberships, due, slack), flush=True)


if __name__ == "__main__":
    main()
