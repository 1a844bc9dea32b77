"""Fan-out: N check-in prompts through the stand-in, which allows 100 chat.postMessage a second per
workspace and answers 429 beyond (as Slack does). Prints wall time ÷ the rate-limit lower bound
(N / 100 s), duplicates and losses counted per DM at the stand-in, and the delivering process's
peak memory, for 1,000 and 5,000 prompts. No asserts: figures.

    python -m benchmarks.fanout                # 1,000 and 5,000 on SQLite
    python -m benchmarks.fanout 5000 --gate-rate 95

The sender is paced at the stand-in's own 100 a second: the gate counts a window from each call's
answer (bot/outbound/gate.py), so calls never arrive faster than that and no 429 is provoked.

Three processes, so each number measures one thing: this one builds the database; the stand-in
runs in its own process (it keeps every message, which is not our memory); a fresh child process
runs the tick's check-in pass and reports its time and peak RSS.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

SLACK_RATE = 100.0  # the stand-in's chat.postMessage limit, per second


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--gate-rate", type=float, default=100.0, help="the sender's pace per workspace")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--deliver", nargs=2, metavar=("DATABASE_URL", "BASE_URL"), help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve_standin()
    if args.deliver:
        return deliver(*args.deliver, gate_rate=args.gate_rate)
    print(
        f"fan-out through a stand-in allowing {SLACK_RATE:g} chat.postMessage/s; sender paced at "
        f"{args.gate_rate:g}/s; {args.database}"
    )
    for size in args.sizes:
        print(measure(size, args.gate_rate, args.database), flush=True)


def measure(size: int, gate_rate: float, kind: str) -> str:
    from benchmarks.checkin_data import add_people, add_schedule, database, sessions_for

    with tempfile.TemporaryDirectory() as folder, database(kind, Path(folder)) as url:
        sessions = sessions_for(url)
        ids = add_people(sessions, [None] * size)
        add_schedule(sessions)
        sessions.kw["bind"].dispose()
        standin = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.fanout", "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        base_url = standin.stdout.readline().strip()
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.fanout",
                "--gate-rate",
                str(gate_rate),
                "--deliver",
                url,
                base_url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
        counts, _ = standin.communicate("count\n", timeout=120)
        per_dm = json.loads(counts)
    got = [per_dm.get("D" + user_id[1:], 0) for user_id in ids]
    duplicates = sum(max(0, n - 1) for n in got)
    lost = sum(1 for n in got if n == 0)
    bound = size / SLACK_RATE
    ratio = result["wall"] / bound
    return (
        f"{size:>6} prompts: {result['wall']:.1f} s (planning {result['planning']:.1f} s), lower bound "
        f"{bound:.1f} s, ratio {ratio:.3f}; "
        f"{result['summary']}; duplicates {duplicates}, lost {lost}; 429s {per_dm.get('_429', 0)}; "
        f"peak RSS {result['maxrss_mb']:.0f} MB: start-up {result['start_mb']:.0f} MB, "
        f"+{result['planned_mb'] - result['start_mb']:.0f} MB planning, "
        f"+{result['maxrss_mb'] - result['planned_mb']:.0f} MB sending"
    )


def deliver(database_url: str, base_url: str, *, gate_rate: float) -> None:
    from benchmarks.checkin_data import NINE_UTC, sessions_for
    from bot.outbound import Sender, WorkspaceGate, single_token
    from bot.outbound.outbox import PassClock, run_outbox
    from bot.outbound.outbox.tables import CHECKIN_DELIVERIES
    from bot.outbound.passes import TickContext
    from bot.services.checkins.planning import plan_deliveries
    from handlers.checkins.delivery import SENDERS
    from handlers.checkins.delivery_message import checkin_kinds

    sessions = sessions_for(database_url)
    sender = Sender(single_token("xoxb-bench"), WorkspaceGate(gate_rate), base_url=base_url)
    ctx = TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("UTC"), worker="bench")
    # The pass's two halves one after the other (tick_pass overlaps them), to see where memory goes.
    start_mb = _maxrss_mb()
    started = time.perf_counter()
    planned = plan_deliveries(sessions, now=NINE_UTC, default_tz="UTC")
    planned_mb, planning = _maxrss_mb(), time.perf_counter() - started
    kinds = checkin_kinds()
    outcomes = run_outbox(ctx, CHECKIN_DELIVERIES, kinds, PassClock(NINE_UTC), senders=SENDERS)
    wall = time.perf_counter() - started
    summary = f"planned {planned.due}, sent {sum(outcomes.values())}"
    result = {
        "wall": wall,
        "planning": planning,
        "summary": summary,
        "start_mb": start_mb,
        "planned_mb": planned_mb,
    }
    print(json.dumps(result | {"maxrss_mb": _maxrss_mb()}))


def serve_standin() -> None:
    from bot.slack.standin import SlackStandIn

    with SlackStandIn(rate_limits={"chat.postMessage": SLACK_RATE}) as standin:
        print(standin.base_url, flush=True)
        sys.stdin.readline()
        counts: dict[str, int] = {}
        for call in standin.calls("chat.postMessage"):
            if call.answer.get("ok"):
                channel = call.answer["channel"]
                counts[channel] = counts.get(channel, 0) + 1
            elif call.answer.get("error") == "ratelimited" or not call.answer:
                counts["_429"] = counts.get("_429", 0) + 1
        print(json.dumps(counts), flush=True)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


if __name__ == "__main__":
    main()
