"""goalbot against a bare Bolt app that only acks, under the same gunicorn (2 workers x 8 threads).

Run: .venv/bin/python -m benchmarks.compare [--quick] [--databases sqlite,postgres]
(BENCH_QUICK=1 is the same as --quick: about two minutes for both databases.)

For each database and scenario the two apps take turns (bare, goalbot, bare, goalbot, …) in one
run, so a busy machine slows both alike; the figures are pooled over the rounds and printed with
goalbot's ratio to the bare app. Nothing is asserted: a slow machine never fails CI.
PostgreSQL is at BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test);
the benchmark works in a schema of its own and drops it.
"""

import argparse
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.database import TEAM, bench_database, seed_goals
from benchmarks.load import LoadResult, run_load
from benchmarks.servers import BARE, GOALBOT, gunicorn
from bot.slack.standin import SlackStandIn
from tests import slack_requests as slack

SECRET = "bench-signing-secret"
# Nothing measured here answers through a response_url; if it did, it would fail fast.
NOWHERE = "http://127.0.0.1:9/response"


@dataclass(frozen=True)
class Scenario:
    label: str
    text: str
    channel_id: str
    clients: int


SCENARIOS = (
    Scenario("/goals help, 1 client", "help", "C40", 1),
    Scenario("/goals list, 40 goals, 50 clients", "list", "C40", 50),
    Scenario("/goals list, 500 goals, 50 clients", "list", "C500", 50),
)
CHANNEL_GOALS = {"C40": 40, "C500": 500}


@dataclass(frozen=True)
class Budget:
    rounds: int
    seconds: float  # per app per round
    max_requests: int  # per app per round
    warmup: int


QUICK = Budget(rounds=2, seconds=2.5, max_requests=5000, warmup=100)
FULL = Budget(rounds=4, seconds=6.0, max_requests=20000, warmup=300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    budget = QUICK if args.quick else FULL
    folder = Path(tempfile.mkdtemp(prefix="goalbot-bench-"))
    print(f"gunicorn 2 workers x 8 threads each; {budget.rounds} rounds x {budget.seconds} s per app")
    print(f"server logs in {folder}")
    # Bolt's auth.test at each worker's first request needs a Slack; the stand-in is that Slack.
    with SlackStandIn() as standin:
        for kind in args.databases.split(","):
            compare_on(kind.strip(), budget, folder, standin.base_url)


def compare_on(kind: str, budget: Budget, folder: Path, slack_api: str) -> None:
    with bench_database(kind, folder) as url:
        for channel_id, count in CHANNEL_GOALS.items():
            seed_goals(url, channel_id, count, today=date.today())
        goalbot_env = {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_BASE_URL": slack_api,
            "DATABASE_URL": url,
        }
        bare_env = {"SLACK_SIGNING_SECRET": SECRET, "SLACK_API_BASE_URL": slack_api}
        with (
            gunicorn(GOALBOT, goalbot_env, log=folder / f"goalbot-{kind}.log") as goalbot,
            gunicorn(BARE, bare_env, log=folder / "bare.log") as bare,
        ):
            print(f"\n== {kind} ==")
            print(f"{'':38}{'app':8}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'>3s':>5}{'fail':>6}")
            for scenario in SCENARIOS:
                results = run_scenario(scenario, budget, bare=bare, goalbot=goalbot)
                report(scenario, results)


def run_scenario(scenario: Scenario, budget: Budget, *, bare: str, goalbot: str) -> dict[str, LoadResult]:
    body, content_type = slack.slash_command(
        scenario.text,
        team_id=TEAM,
        user_id="U1",
        channel_id=scenario.channel_id,
        response_url=NOWHERE,
        trigger_id="bench",
    )
    urls = {"bare": bare, "goalbot": goalbot}
    pooled = {name: LoadResult() for name in urls}

    def load(url: str, max_requests: int, seconds: float) -> LoadResult:
        return run_load(
            url,
            body,
            content_type,
            SECRET,
            clients=scenario.clients,
            max_requests=max_requests,
            max_seconds=seconds,
        )

    for url in urls.values():
        load(url, budget.warmup, budget.seconds)
    for _ in range(budget.rounds):
        for name, url in urls.items():
            result = load(url, budget.max_requests, budget.seconds)
            pooled[name].latencies_ms.extend(result.latencies_ms)
            pooled[name].failures += result.failures
            pooled[name].seconds += result.seconds
    return pooled


def report(scenario: Scenario, results: dict[str, LoadResult]) -> None:
    for index, (name, result) in enumerate(results.items()):
        label = scenario.label if index == 0 else ""
        slowest = max(result.latencies_ms, default=float("nan"))
        print(
            f"{label:38}{name:8}{result.throughput:8.0f}{result.p50:9.1f}{result.percentile(0.99):9.1f}"
            f"{slowest:9.1f}{result.over_deadline:5d}{result.failures:6d}"
        )
    bare, goalbot = results["bare"], results["goalbot"]
    p99 = _ratio(goalbot.percentile(0.99), bare.percentile(0.99))
    print(
        f"{'':38}goalbot/bare: throughput {_ratio(goalbot.throughput, bare.throughput)}, "
        f"p50 {_ratio(goalbot.p50, bare.p50)}, p99 {p99}"
    )


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs and theirs == theirs else "n/a"


if __name__ == "__main__":
    main()
