"""The soak's runner: the simulated clock, the two web processes, and the steps, each ticked by
two clocks at once, with the day's faults (soak_faults.py) and answers (soak_people.py) in between;
the figures at the end (soak_counts.py)."""

import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.soak_counts import counts
from benchmarks.soak_faults import Faults
from benchmarks.soak_people import People
from bot.outbound.leases import LEASE_TTL

START = datetime(2027, 3, 1, tzinfo=UTC)  # a Monday, the first of a month
PROMPT_AT = timedelta(hours=9)  # the check-in's local time (everyone in UTC)
ANSWER_AT = timedelta(hours=9, minutes=30)  # answers go in at the first step from here
REMINDER_AT = timedelta(hours=11)  # 2 hours after the prompt, to whoever has not answered
SIGNING_SECRET = "soak-signing-secret"
SLACK_RATE = 20.0


class SimClock:
    """The simulated instant: the stand-in reads it; the web processes read it from `path`."""

    def __init__(self, path: Path) -> None:
        self.path, self.now = path, START

    def set(self, now: datetime) -> None:
        self.now = now
        written = self.path.with_suffix(".tmp")
        written.write_text(now.isoformat())
        written.replace(self.path)

    def __call__(self) -> datetime:
        return self.now


class Soak:
    def __init__(self, args: argparse.Namespace, url: str, folder: Path) -> None:
        from tests.e2e.multiclock.workspaces import make_workspaces as workspaces

        self.args, self.url, self.folder = args, url, folder
        self.spaces = workspaces(args.workspaces, args.people)
        self.random = random.Random(args.seed)
        self.clock = SimClock(folder / "clock")
        self.goalbot = str(Path(sys.executable).with_name("goalbot"))

    def run(self) -> None:
        from benchmarks.checkin_data import sessions_for
        from bot.domain.checkins.spec import ReminderPolicy
        from bot.slack.standin import SlackStandIn
        from tests.e2e.multiclock.workspaces import add_to_standin
        from tests.e2e.multiclock.workspaces import seed_checkins as seed

        self.sessions = sessions = sessions_for(self.url)
        reminder = ReminderPolicy(count=1, after=REMINDER_AT - PROMPT_AT)
        seed(
            sessions,
            self.spaces,
            made_at=START - timedelta(days=3),
            at=time_of(PROMPT_AT),
            reminders=reminder,
            reports=True,
        )
        self.clock.set(START)
        started = time.perf_counter()
        with SlackStandIn(
            clock=self.clock, rate_limits_per_workspace={"chat.postMessage": SLACK_RATE}
        ) as slack:
            add_to_standin(slack, self.spaces)
            self.slack = slack
            self.faults = Faults(slack, self.spaces, self.random)
            self.people = People(slack, self.spaces, sessions, SIGNING_SECRET)
            webs = [self.start_web() for _ in range(2)]
            try:
                self.drive(webs)
            finally:
                for process, _ in webs:
                    process.terminate()
                    process.wait(timeout=30)
            slack.settle(timeout=30)
            print(
                f"soak: {self.args.days} simulated days, {len(self.spaces)} workspaces × "
                f"{self.args.people} people, a tick every {self.args.step} simulated minutes from 2 "
                f"clocks; {time.perf_counter() - started:.0f} s"
            )
            print(
                f"  clocks killed mid-send: {self.faults.kills}; web answers: {dict(self.people.answered)}; "
                f"429 answers {sum(c.answer.get('error') == 'ratelimited' for c in slack.calls())}, "
                f"503 answers {sum(c.answer.get('error') == 'internal_error' for c in slack.calls())}"
            )
            for line in counts(slack, self.spaces, sessions, self.args.days):
                print("  " + line)
        sessions.kw["bind"].dispose()

    def env(self, token: str) -> dict[str, str]:
        return os.environ | {
            "DATABASE_URL": self.url,
            "SLACK_BOT_TOKEN": token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_BASE_URL": self.slack.base_url,
            "DEFAULT_TIMEZONE": "UTC",
            "LOG_LEVEL": "WARNING",
        }

    def start_web(self) -> tuple[subprocess.Popen, str]:
        from benchmarks.servers import free_port

        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.soak", "--web", str(port), str(self.clock.path)],
            env=self.env("xoxb-web"),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        return process, f"http://127.0.0.1:{port}/slack/events"

    def drive(self, webs: list[tuple[subprocess.Popen, str]]) -> None:
        step = timedelta(minutes=self.args.step)
        instants = [START + step * n for n in range(int(timedelta(days=self.args.days) / step))]
        for at in instants:
            self.clock.set(at)
            into_day = at - at.replace(hour=0, minute=0)
            kill = PROMPT_AT <= into_day < PROMPT_AT + step  # the day's fan-out: one clock dies in it
            self.faults.chaos(busy=kill or REMINDER_AT <= into_day < REMINDER_AT + step)
            kills = self.faults.kills
            ticks = {token: self.start_tick(at, token) for token in ("xoxb-clock-a", "xoxb-clock-b")}
            finishing = [  # each read to its end at once, so neither blocks on a full pipe
                threading.Thread(target=self.finish_tick, args=(at, token, process))
                for token, process in ticks.items()
            ]
            for thread in finishing:
                thread.start()
            if kill:  # whichever clock posts first: the leases may give either all the workspaces
                self.faults.kill_first_posting(ticks)
            for thread in finishing:
                thread.join()
            if self.faults.kills > kills:
                # A killed clock's workspace leases (bot/outbound/leases.py) run on the processes'
                # real clock: in production the next minute's tick finds them expired. Simulated
                # hours pass here in seconds, so wait them out as a real next tick would, or every
                # later step in the next minute would find those workspaces still taken.
                time.sleep(LEASE_TTL.total_seconds() + 1)
            if ANSWER_AT <= into_day < ANSWER_AT + step:
                self.people.answer(at, [url for _, url in webs])

    def start_tick(self, at: datetime, token: str) -> subprocess.Popen:
        return subprocess.Popen(
            [self.goalbot, "tick", "--at", at.isoformat()],
            env=self.env(token),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    @staticmethod
    def finish_tick(at: datetime, token: str, process: subprocess.Popen) -> None:
        _, err = process.communicate()
        if process.returncode not in (0, -signal.SIGKILL):
            print(f"  tick {at:%Y-%m-%d %H:%M} ({token}) exited {process.returncode}: {err.strip()[-300:]}")


def time_of(delta: timedelta):
    return (START + delta).time()
