"""Fan-out over many workspaces: W workspaces × P people (200 × 25 = 5,000 check-in prompts due at
one instant), the stand-in allowing each workspace 20 chat.postMessage a second (429 beyond), on
PostgreSQL (a fresh schema per run, in TEST_DATABASE_URL, else BENCH_POSTGRES_URL), sent by 1, 2
and 4 clock processes ticking at once (`goalbot tick --at`, started ahead and told when to go:
benchmarks/ready_ticks.py). No asserts: figures, against two baselines
measured in the same run:

- the per-workspace bound, P / 20 s: no sender may beat it, since each workspace takes 20 a second;
- a bare loop that posts the same messages to the same DMs from a thread pool, as fast as the
  stand-in takes them (round-robin over workspaces, waiting out any 429): the machine's floor. The
  messages are the very prompts a tick posts, built ahead by goalbot's own code
  (benchmarks/bare_loop.py).

    TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m benchmarks.fanout_workspaces                        # 200 × 25, 1, 2 and 4 processes
    python -m benchmarks.fanout_workspaces --workspaces 20 --people 10 --processes 1 2
    python -m benchmarks.fanout_workspaces --installed   # and again with tokens from the store

The tick's time runs from telling the processes to tick to the end of the last one's tick:
planning, the database connection and every pass included; Python's start-up, imports and exit not,
since a clock process pays them once, not every minute (that figure is printed too: what a `goalbot
tick` started from a shell takes). Before the timed tick, each process has ticked a minute of its
own in which a small set of other workspaces was due, as a running clock has sent in earlier minutes
(benchmarks/warm_up.py); `--cold` leaves those sets out, so each process's earlier minute had
nothing due and its timed tick is the first to run the sending path in that process. "Posting" is
the stand-in's first to last accepted post. The stand-in runs in a process of its own
(benchmarks/standin_process.py), so neither the senders nor the bare loop share an interpreter with
it. Goal (issue 12): ≤ 1.5× the bare loop with one process, no worse with more.

A row the first tick could not finish ("lost" in its counts: put back for a retry, or left
`sending` with its outcome unknown) must go out on a later tick, once: after the timed tick, more
`goalbot tick`s run AGAIN apart (past the retry wait and the claims' lease, as the clock's next
minutes would) until one finds nothing due (at most LATER_TICKS; an unknown row waits for a
history read, which Slack allows about once a minute), and the line after each run says how many
DMs then hold the prompt once, twice or not at all.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.bare_loop import bare_loop
from benchmarks.ready_ticks import ready_ticks
from benchmarks.standin_process import standin
from benchmarks.warm_up import seed_warm_up, warm_minutes, warm_workspaces

AT = datetime(2027, 3, 1, 9, tzinfo=UTC)  # a Monday
AGAIN = timedelta(minutes=5)  # past the first retry's wait (30 s) and a claim's lease (2 min)
LATER_TICKS = 4
TOKEN = "xoxb-bench"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workspaces", type=int, default=200)
    parser.add_argument("--people", type=int, default=25, help="people per workspace")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument(
        "--slack-rate", type=float, default=20.0, help="chat.postMessage a second per workspace"
    )
    parser.add_argument(
        "--send-rate", help="SEND_RATE_PER_WORKSPACE for the ticks (their default unless given)"
    )
    parser.add_argument("--threads", type=int, default=16, help="the bare loop's thread pool")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="also run with the workspaces installed (rotating tokens in the installation store)",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="each process's earlier tick has nothing due (its timed tick sends for the first time)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="repeat the bare loop and the ticks; print the median ratios"
    )
    args = parser.parse_args()
    prompts = args.workspaces * args.people
    bound = args.people / args.slack_rate
    print(
        f"{args.workspaces} workspaces × {args.people} people = {prompts:,} prompts; the stand-in allows "
        f"{args.slack_rate:g} chat.postMessage/s per workspace; PostgreSQL; per-workspace bound "
        f"{bound:.2f} s; each process's earlier minute had {'nothing' if args.cold else 'a few prompts'} due",
        flush=True,
    )
    ratios: dict[int, list[float]] = {processes: [] for processes in args.processes}
    for round_ in range(1, args.rounds + 1):
        if args.rounds > 1:
            print(f" round {round_} of {args.rounds}", flush=True)
        for processes, ratio in one_round(args, bound).items():
            ratios[processes].append(ratio)
    if args.rounds > 1:
        medians = ", ".join(
            f"{processes} process{'es' if processes > 1 else ''} {statistics.median(found):.2f}× "
            f"({', '.join(f'{r:.2f}' for r in found)})"
            for processes, found in ratios.items()
        )
        print(f"  median tick ÷ bare loop over {args.rounds} rounds: {medians}", flush=True)


def one_round(args: argparse.Namespace, bound: float) -> dict[int, float]:
    """The bare loop, then a tick with each number of processes; their tick ÷ bare loop."""
    bare = bare_loop(args.workspaces, args.people, args.slack_rate, args.threads, at=AT)
    print(
        f"  bare loop ({args.threads} threads): {bare['wall']:.2f} s, CPU {bare['cpu']:.2f} s; "
        f"{counts_text(bare)}",
        flush=True,
    )
    ratios = {}
    for processes in args.processes:
        run = clocks(args, processes)
        ratios[processes] = run["wall"] / bare["wall"]
        print(
            f"  {processes} process{'es' if processes > 1 else ''}: tick {run['wall']:.2f} s = to the first "
            f"post {run['start_up']:.2f} s + posting {run['span']:.2f} s + the rest; tick ÷ bound "
            f"{run['wall'] / bound:.2f}, tick ÷ bare loop {run['wall'] / bare['wall']:.2f}, posting ÷ bare "
            f"loop {run['span'] / bare['wall']:.2f}; CPU {run['cpu']:.2f} s = "
            f"{run['cpu'] / bare['cpu']:.2f}× the bare loop's; with Python's start-up and imports "
            f"(a `goalbot tick` started now) {run['with_start_up']:.2f} s = "
            f"{run['with_start_up'] / bare['wall']:.2f}× the bare loop; {counts_text(run)}, "
            f"warm-up prompts before {run['warm_up']}; "
            f"{run['summaries']}",
            flush=True,
        )
        after = run["after"]
        once = after["posted"] - after["doubled"]
        print(
            f"    then ticks {AGAIN.total_seconds() / 60:g} min apart: {after['summary']}; every prompt: "
            f"once {once:,}, doubled {after['doubled']}, missing {after['lost']}",
            flush=True,
        )
        if args.installed:  # issue 13: the token lookup must cost no more than 5%
            stored = clocks(args, processes, installed=True)
            print(
                f"    installed (token per workspace from the store): tick {stored['wall']:.2f} s, posting "
                f"{stored['span']:.2f} s; tick ÷ SLACK_BOT_TOKEN run {stored['wall'] / run['wall']:.3f}, "
                f"posting ÷ {stored['span'] / run['span']:.3f}, CPU ÷ {stored['cpu'] / run['cpu']:.3f}; "
                f"{counts_text(stored)}; {stored['summaries']}",
                flush=True,
            )
    return ratios


def counts_text(result: dict[str, Any]) -> str:
    return (
        f"posted {result['posted']:,}, doubled {result['doubled']}, lost {result['lost']}, "
        f"429s {result['ratelimited']}, most in 1 s to one workspace {result['max_rate']}"
    )


def clocks(args: argparse.Namespace, processes: int, installed: bool = False) -> dict:
    from benchmarks.checkin_data import sessions_for
    from benchmarks.database import POSTGRES_URL, bench_database
    from tests.e2e.multiclock.workspaces import make_workspaces as make
    from tests.e2e.multiclock.workspaces import seed_checkins as seed

    workspaces = make(args.workspaces, args.people)
    teams = [ws.team_id for ws in workspaces + [ws for group in warm_workspaces(processes) for ws in group]]

    postgres = os.environ.get("TEST_DATABASE_URL") or POSTGRES_URL
    with (
        tempfile.TemporaryDirectory() as folder,
        bench_database("postgres", Path(folder), postgres_url=postgres) as url,
    ):
        sessions = sessions_for(url)
        seed(sessions, workspaces, made_at=AT - timedelta(days=2), at=AT.time())
        if not args.cold:
            seed_warm_up(sessions, AT, processes)
        sessions.kw["bind"].dispose()
        with standin(args.workspaces, args.people, args.slack_rate, warm=processes) as (base_url, count):
            env = os.environ | {
                "DATABASE_URL": url,
                "SLACK_BOT_TOKEN": TOKEN,
                "SLACK_API_BASE_URL": base_url,
                "DEFAULT_TIMEZONE": "UTC",
                "LOG_LEVEL": "WARNING",
            }
            if args.send_rate:
                env["SEND_RATE_PER_WORKSPACE"] = args.send_rate
            if installed:
                from benchmarks import installed_workspaces

                installed_workspaces.install(url, teams)
                env = installed_workspaces.distributed(env)
            warm_at = [minute.isoformat() for minute in warm_minutes(AT, processes)]
            with ready_ticks(env, AT.isoformat(), warm_at) as ticks:
                times = ticks.go()  # Linux's monotonic clock is the stand-in process's too
            result = count()
            goalbot = str(Path(sys.executable).with_name("goalbot"))
            later = []
            for n in range(1, LATER_TICKS + 1):
                at = (AT + n * AGAIN).isoformat()
                again = (
                    subprocess.run([goalbot, "tick", "--at", at], env=env, capture_output=True, text=True)
                    .stdout.strip()
                    .splitlines()[-1:]
                )
                later.append(again[0].split(": ", 1)[-1] if again else "no summary")
                if later[-1].startswith("due 0,"):
                    break
            after = count() | {"summary": "; ".join(later)}
    summaries = "; ".join(line.split(": ", 1)[-1] for line in times.summaries)
    return result | {
        "wall": times.tick,
        "cpu": times.cpu,
        "with_start_up": times.with_start_up,
        "start_up": result["first"] - times.went,
        "summaries": summaries,
        "after": after,
    }


if __name__ == "__main__":
    main()
