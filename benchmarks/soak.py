"""Soak: two web processes and two clocks on PostgreSQL for N simulated days (10 by default) across
20 workspaces, everything on loopback, then counts of what was owed, sent, lost and doubled.

    python -m benchmarks.soak                     # 10 days, a tick every 15 simulated minutes
    python -m benchmarks.soak --days 1 --step 60  # a quick look

- The clocks are two runner loops, each running `goalbot tick --at T` for every step T (both at the
  same T, as two clock processes tick on the same minute), each with a bot token of its own.
- Once a simulated day, at the check-in's prompt time, one clock is killed with SIGKILL while it
  is posting (after its first post reaches the stand-in).
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
once. No asserts: figures (the goal, issue 12: 0 lost, 0 doubled).

Each step costs two `goalbot tick` start-ups (about 1.5 s on a quiet machine), so ten days at 15
minutes (960 steps) take about half an hour; `--step 60` a quarter of that.
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
        return serve_web(int(args.web[0]), Path(args.web[1]))
    from benchmarks.database import POSTGRES_URL, bench_database

    postgres = os.environ.get("TEST_DATABASE_URL") or POSTGRES_URL
    with (
        tempfile.TemporaryDirectory() as folder,
        bench_database("postgres", Path(folder), postgres_url=postgres) as url,
    ):
        Soak(args, url, Path(folder)).run()


class Soak:
    def __init__(self, args: argparse.Namespace, url: str, folder: Path) -> None:
        from tests.e2e.multiclock.workspaces import make_workspaces as workspaces

        self.args, self.url, self.folder = args, url, folder
        self.spaces = workspaces(args.workspaces, args.people)
        self.random = random.Random(args.seed)
        self.clock = SimClock(folder / "clock")
        self.answered: Counter[str] = Counter()  # web answers acked, by outcome
        self.kills = 0
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
                f"  clocks killed mid-send: {self.kills}; web answers: {dict(self.answered)}; "
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
            self.chaos(busy=kill or REMINDER_AT <= into_day < REMINDER_AT + step)
            runners = [
                threading.Thread(target=self.tick, args=(at, "xoxb-clock-a", kill)),
                threading.Thread(target=self.tick, args=(at, "xoxb-clock-b", False)),
            ]
            for runner in runners:
                runner.start()
            for runner in runners:
                runner.join()
            if ANSWER_AT <= into_day < ANSWER_AT + step:
                self.answer(at, [url for _, url in webs])

    def tick(self, at: datetime, token: str, kill: bool) -> None:
        process = subprocess.Popen(
            [self.goalbot, "tick", "--at", at.isoformat()],
            env=self.env(token),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if kill:
            begun = time.monotonic()

            def posting(call) -> bool:
                return call.at >= begun and token in call.headers.get("authorization", "")

            while process.poll() is None:  # killed once it posts; left alone if it has nothing to post
                try:
                    self.slack.wait_for_arrival("chat.postMessage", timeout=0.2, where=posting)
                except AssertionError:
                    continue
                process.send_signal(signal.SIGKILL)
                self.kills += 1
                break
        _, err = process.communicate()
        if process.returncode not in (0, -signal.SIGKILL):
            print(f"  tick {at:%Y-%m-%d %H:%M} ({token}) exited {process.returncode}: {err.strip()[-300:]}")

    def chaos(self, busy: bool) -> None:
        """Now and then (always at the day's busiest steps), one workspace's 429 storm lasting
        through a tick's sending, and a burst of 503s for the next few posts."""
        if busy or self.random.random() < 0.3:
            victim = self.random.choice(self.spaces).team_id
            self.slack.storm(
                victim, seconds=self.random.uniform(3, 12), retry_after=self.random.randint(1, 5)
            )
        if busy or self.random.random() < 0.3:
            self.slack.fail_next("chat.postMessage", 503, times=self.random.randint(1, 5))

    def answer(self, at: datetime, urls: list[str]) -> None:
        from bot.slack.standin import dm_id
        from bot.slack.standin.requests import event_callback, post_signed

        day = at.replace(hour=0, minute=0)
        repliers = [(ws.team_id, u) for ws in self.spaces for u in ws.people[::2] if self.prompted(u, day)]
        for n, (team_id, user_id) in enumerate(repliers):
            ts = f"{int(at.timestamp())}.{n:06d}"
            event = {
                "type": "message",
                "channel_type": "im",
                "channel": dm_id(user_id),
                "user": user_id,
                "text": "Steady week: on track, nothing blocking.",
                "ts": ts,
            }
            body, content_type = event_callback(
                event, team_id=team_id, event_id=f"Ev{user_id}{at:%m%d}", event_time=int(at.timestamp())
            )
            status, _, _ = post_signed(urls[n % len(urls)], body, content_type, SIGNING_SECRET)
            self.answered[f"HTTP {status}"] += 1
        self.flag_followups(at, day)
        self.slack.settle(timeout=30)

    def prompted(self, user_id: str, day: datetime) -> bool:
        """Whether the person's prompt of `day` is in their DM. Only they answer: an answer given
        before the prompt went out rightly stops it, which would read as a lost prompt here."""
        from bot.slack.standin import dm_id

        return any(
            (m.get("metadata") or {}).get("event_type") == "goalbot_checkin"
            and not m.get("text", "").startswith("Reminder")
            and float(m["ts"]) >= day.timestamp()
            for m in self.slack.messages.history(dm_id(user_id))
        )

    def flag_followups(self, at: datetime, day: datetime) -> None:
        """One more person a workspace answers by the check-in form and flags a follow-up (recorded
        through the service the form's submission calls), so follow-up posts are owed too."""
        from bot.services.checkins import answers
        from bot.services.checkins.read_models import AnswerInput, AnswerSource

        for ws in self.spaces:
            if not self.prompted(ws.people[1], day):
                continue
            answers.record_answer(
                self.sessions,
                team_id=ws.team_id,
                user_id=ws.people[1],
                channel_id=ws.channel_id,
                answer=AnswerInput(
                    confidence=2, follow_up=True, follow_up_description="The rota needs a look"
                ),
                source=AnswerSource.FORM,
                now=at,
                default_tz="UTC",
            )
            self.answered["form, follow-up flagged"] += 1


def time_of(delta: timedelta):
    return (START + delta).time()


def counts(slack, spaces, sessions, days: int) -> list[str]:
    """What was owed, sent, lost and doubled, per kind of message."""
    from sqlalchemy import text

    from bot.slack.standin import dm_id

    people = [u for ws in spaces for u in ws.people]
    checkins: dict[str, Counter] = {"prompt": Counter(), "reminder": Counter()}
    per_person: dict[str, dict[str, set]] = defaultdict(lambda: {"prompt": set(), "reminder": set()})
    for user_id in people:
        for message in slack.messages.history(dm_id(user_id)):
            meta = message.get("metadata") or {}
            if meta.get("event_type") == "goalbot_checkin":
                kind = "reminder" if message.get("text", "").startswith("Reminder") else "prompt"
                delivery = meta["event_payload"]["delivery"]
                checkins[kind][delivery] += 1
                per_person[user_id][kind].add(delivery)
    others: dict[str, Counter] = {"goalbot_report": Counter(), "goalbot_followup": Counter()}
    for ws in spaces:
        for message in slack.messages.history(ws.channel_id):
            meta = message.get("metadata") or {}
            if meta.get("event_type") in others:
                others[meta["event_type"]][json.dumps(meta["event_payload"], sort_keys=True)] += 1
    # The owed rows, for the kinds whose expectation depends on the bot's own rules (its outboxes).
    with sessions() as session:
        answered = {
            tuple(r)
            for r in session.execute(text("SELECT DISTINCT user_id, local_date FROM checkin_answers"))
        }
        reports = {
            r[0] for r in session.execute(text("SELECT id FROM report_posts WHERE state <> 'skipped'"))
        }
        followups = {r[0] for r in session.execute(text("SELECT id FROM follow_up_messages"))}
    owed_prompts = len(people) * days
    owed_reminders = owed_prompts - len(answered)
    sent_prompts = sum(min(days, len(per_person[u]["prompt"])) for u in people)
    parents = {json.loads(k)["post_id"] for k in others["goalbot_report"] if "part" not in json.loads(k)}
    sent_followups = {json.loads(k)["message_id"] for k in others["goalbot_followup"]}
    rows = [
        ("prompts", owed_prompts, len(checkins["prompt"]), owed_prompts - sent_prompts, checkins["prompt"]),
        (
            "reminders",
            owed_reminders,
            len(checkins["reminder"]),
            max(0, owed_reminders - len(checkins["reminder"])),
            checkins["reminder"],
        ),
        (
            "digests and month reminders",
            len(reports),
            len(parents),
            len(reports - parents),
            others["goalbot_report"],
        ),
        (
            "follow-up posts",
            len(followups),
            len(sent_followups),
            len(followups - sent_followups),
            others["goalbot_followup"],
        ),
    ]
    return [
        f"{name:<28} expected {owed:>5}, sent {sent:>5}, lost {lost:>3}, "
        f"doubled {sum(n - 1 for n in seen.values())}"
        for name, owed, sent, lost, seen in rows
    ]


def serve_web(port: int, clock_file: Path) -> None:
    """The WSGI app under a threaded server, its clock the soak's simulated instant."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from bot.entrypoints.app import create_app
    from bot.entrypoints.web import create_wsgi_app
    from bot.settings import load_settings
    from models.db import make_engine, make_sessionmaker

    class Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    def now() -> datetime:
        return datetime.fromisoformat(clock_file.read_text())

    settings = load_settings()
    engine = make_engine(settings.database_url)
    app = create_app(settings, sessions=make_sessionmaker(engine), clock=now)
    server = make_server(
        "127.0.0.1", port, create_wsgi_app(app, engine), server_class=Server, handler_class=Quiet
    )
    print("ready", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()


if __name__ == "__main__":
    main()
