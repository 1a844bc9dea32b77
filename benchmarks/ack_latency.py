"""How fast /goals is acknowledged through the real HTTP server (Slack allows 3 s).

Run: .venv/bin/python -m benchmarks.ack_latency [--requests 200] [--goals 40] [--database-url URL]
Prints percentiles per subcommand; it asserts nothing, so a slow machine never fails CI.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bot.entrypoints.app import create_app
from bot.settings import load_settings
from bot.slack.standin import SlackStandIn
from models.db import make_engine, make_sessionmaker
from models.migrate import upgrade
from tests import slack_requests as slack
from tests.fixtures.bot import SIGNING_SECRET, FrozenClock, serve_in_thread

GOAL = "Raise metric{n} from 10 to 90 by 2027-06-30 because the benchmark needs many goals"


def measure(url: str, standin: SlackStandIn, text: str, requests: int) -> list[float]:
    timings = []
    for i in range(requests):
        body, content_type = slack.slash_command(
            text.format(n=i),
            team_id="T1",
            user_id="U1",
            channel_id="C1",
            response_url=standin.response_url(f"r{i}"),
            trigger_id=f"t{i}",
        )
        started = time.perf_counter()
        status, _, _ = slack.post_signed(url, body, content_type, SIGNING_SECRET)
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{text!r} answered {status}")
    return timings


def report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"{label:<28} n={len(ordered):<4} p50={statistics.median(ordered):6.1f} ms  "
        f"p95={p95:6.1f} ms  max={ordered[-1]:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--goals", type=int, default=40)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    engine = make_engine(url)
    upgrade(engine)
    from datetime import UTC, datetime

    clock = FrozenClock(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    with SlackStandIn() as standin:
        settings = load_settings(
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SIGNING_SECRET,
            slack_api_base_url=standin.base_url,
            database_url=url,
        )
        app = create_app(settings, sessions=make_sessionmaker(engine), clock=clock)
        with serve_in_thread(app, engine) as base:
            events = base + "/slack/events"
            print(f"database: {engine.dialect.name}; goals in the channel: {args.goals}")
            report("/goals new (stored)", measure(events, standin, "new " + GOAL, args.goals))
            report("/goals list", measure(events, standin, "list", args.requests))
            report("/goals update <name> <v>", measure(events, standin, "update metric1 {n}", args.requests))
            report("/goals show G1", measure(events, standin, "show G1", args.requests))
            report("/goals help", measure(events, standin, "help", args.requests))


if __name__ == "__main__":
    main()
