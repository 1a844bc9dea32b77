"""Soak: two web processes and two clocks on PostgreSQL for N simulated days (10 by default) across
20 workspaces, everything on loopback, then counts of what was owed, sent, lost and doubled.

    python -m benchmarks.soak                     # 10 days, a tick every 15 simulated minutes
    python -m benchmarks.soak --days 1 --step 60  # a quick look

- The clocks are two runner loops, each running `goalbot tick --at T` for every step T (both at the
  same T, as two clock processes tick on the same minute), each with a bot token of its own.
- Once a simulated day, at the check-in's prompt time, one clock is killed with SIGKILL while it
  is posting: whichever posts first (the leases may give either one all the workspaces), once
  its first post reaches the stand-in. The run then waits out the killed
  clock's workspace leases (60 s of real time, as a real clock's next minutes would), since
  simulated hours otherwise pass in seconds while those workspaces still look taken.
- The stand-in (in this process; it outlives the kills) allows 20 chat.postMessage a second per
  workspace, and at three steps in ten (and always at the prompt and reminder steps) answers one
  workspace 429 for 3–12 s (a storm, Retry-After 1–5 s) or the next 1–5 posts 503.
- The web processes are the WSGI app (create_app) under a threaded server, their clock the
  simulated one (a file this script rewrites at each step). Every other person answers each day's
  check-in by a DM reply sent, signed, to one of them; one more a workspace answers by the form
  (through its service) and flags a follow-up.

Counted at the stand-in from the messages' metadata: check-in prompts (expected: everyone, every
day), reminders (expected: everyone who had not answered by the reminder; answers read from the
database), digests and month reminders, follow-up posts (expected: what the outboxes recorded as
owed, rows skipped as too late left out). Lost: expected, never posted. Doubled: posted more than
once. No asserts: figures (the goal, issue 12: 0 lost, 0 doubled). Below them, each person-day
whose prompt never reached the DM or who was owed a reminder and got none, with its rows.

Each step costs two `goalbot tick` start-ups (about 1.5 s on a quiet machine), so ten days at 15
minutes (960 steps) take about half an hour; `--step 60` a quarter of that.

Here the command line; the runner in soak_run.py, the faults in soak_faults.py, the people
answering in soak_people.py, the tally in soak_counts.py, a web process in soak_web.py.
"""

import argparse
import os
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--days", type=int, default=10)
    parser.add_argument("--workspaces", type=int, default=20)
    parser.add_argument("--people", type=int, default=5, help="people per workspace")
    parser.add_argument("--step", type=int, default=15, help="simulated minutes between ticks")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--web", nargs=2, metavar=("PORT", "CLOCK_FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.web:
        from benchmarks.soak_web import serve_web

        return serve_web(int(args.web[0]), Path(args.web[1]))
    from benchmarks.database import POSTGRES_URL, bench_database
    from benchmarks.soak_run import Soak

    postgres = os.environ.get("TEST_DATABASE_URL") or POSTGRES_URL
    with (
        tempfile.TemporaryDirectory() as folder,
        bench_database("postgres", Path(folder), postgres_url=postgres) as url,
    ):
        Soak(args, url, Path(folder)).run()


if __name__ == "__main__":
    main()
