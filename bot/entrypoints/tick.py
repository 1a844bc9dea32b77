"""`goalbot tick [--at ISO-8601]`: one whole pass of everything goalbot does on its own, for one
instant, then exit. The clock process runs the same thing every minute (bot/entrypoints/scheduler.py).

PASSES is the one registry: each feature adds its `tick_pass(ctx, now) -> PassSummary` here.
"""

import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utc_now
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.leases import Clock, Leases
from bot.outbound.passes import PassSummary, TickContext
from bot.outbound.tokens import TokenSource
from bot.outbound.workspace_health import WorkspaceHealth
from bot.outbound.workspaces import DEFAULT_THREADS, SQLITE_THREADS, WorkspacePool
from bot.settings import Settings
from handlers.checkins.anonymous_close import anonymous_numbers_tick_pass
from handlers.checkins.delivery import tick_pass as checkin_pass
from handlers.followups.tick import followups_tick_pass
from handlers.reports.tick_pass import reports_tick_pass
from handlers.workspaces.purge_pass import purge_tick_pass
from models.dialect import has_one_writer

logger = logging.getLogger(__name__)

TickPass = Callable[[TickContext, datetime], PassSummary]

# (name, pass) in the order they run. Check-in prompts first: they are the most time-bound.
PASSES: tuple[tuple[str, TickPass], ...] = (
    ("checkins", checkin_pass),
    ("anonymous numbers", anonymous_numbers_tick_pass),
    ("reports", reports_tick_pass),
    ("followups", followups_tick_pass),
    ("purge", purge_tick_pass),  # uninstalled workspaces past UNINSTALL_RETENTION_DAYS
)


class DatabaseUnreachable(Exception):
    """The database stopped answering during the pass: one line, exit status 2."""


def build_sender(
    settings: Settings, rate: float | None = None, *, engine: Engine | None = None, clock: Clock = utc_now
) -> Sender:
    """The paced sender: SEND_RATE_PER_WORKSPACE calls a second per workspace unless told `rate`
    (the console's is unpaced). Beyond Slack's limit it answers 429 and the gate pauses the workspace."""
    gate = WorkspaceGate(settings.send_rate_per_workspace if rate is None else rate)
    return Sender(token_source(settings, engine, clock), gate, base_url=settings.slack_api_base_url)


def token_source(settings: Settings, engine: Engine | None, clock: Clock = utc_now) -> TokenSource:
    """Single-workspace mode: SLACK_BOT_TOKEN for every team. Distributed mode (SLACK_CLIENT_ID):
    each workspace's bot token from its installation on the app's database (`engine`), a rotating
    one refreshed before it expires (on `clock`'s time); a workspace with none raises NotInstalled
    for its own sends only. Stops with one line when neither is set."""
    if settings.distributed:
        settings.require("slack_client_id")
        if engine is None:
            raise TypeError("distributed mode reads tokens from the database: pass its engine")
        from bot.installations.bot_tokens import InstalledBotTokens

        assert settings.slack_client_id is not None  # distributed means it is set
        return InstalledBotTokens(
            engine,
            settings.slack_client_id,
            settings.slack_client_secret,
            base_url=settings.slack_api_base_url,
            clock=clock,
        )
    settings.require("slack_bot_token")
    assert settings.slack_bot_token is not None  # require() stops otherwise
    return single_token(settings.slack_bot_token)


def tick_context(
    settings: Settings,
    sessions: sessionmaker[Session],
    sender: Sender,
    *,
    clock: Clock = utc_now,
    worker: str | None = None,
) -> TickContext:
    """The pool holds each workspace's lease while it sends, so any number of clocks and ticks
    together keep every workspace's rate; the leases' times are wall-clock instants (`clock`).
    `worker` names the holder of claims and leases (this process, by default)."""
    worker = worker or worker_name()
    if sender.health is None:  # uninstalled workspaces and failing tokens are not called
        sender.health = WorkspaceHealth(sessions, clock=clock)
    leases = Leases(sessions, holder=worker, clock=clock)
    # SQLite takes one writer at a time: workspaces served at once would only wait for each other.
    threads = SQLITE_THREADS if has_one_writer(sessions) else DEFAULT_THREADS
    pool = WorkspacePool(threads, leases=leases, gate=sender.gate)
    return TickContext(
        sessions=sessions, sender=sender, default_tz=settings.timezone, worker=worker, pool=pool
    )


def worker_name() -> str:
    """Who holds a claim: host and process, so a stuck claim can be traced to its process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def run_passes(
    ctx: TickContext, now: datetime, passes: tuple[tuple[str, TickPass], ...] | None = None
) -> PassSummary:
    """Every pass once (PASSES unless told otherwise). A pass that breaks is logged and the others
    still run; a database that stops answering ends the tick (DatabaseUnreachable)."""
    total = PassSummary()
    for name, run in PASSES if passes is None else passes:
        try:
            total += run(ctx, now)
        except OperationalError as error:
            raise DatabaseUnreachable(_first_line(error)) from error
        except Exception:
            logger.exception("the %s pass failed at %s", name, format_instant(now))
    return total


def summary_line(now: datetime, summary: PassSummary) -> str:
    return (
        f"tick {format_instant(now)}: due {summary.due}, sent {summary.sent}, "
        f"retried {summary.retried}, skipped {summary.skipped}"
    )


def parse_instant(text: str) -> datetime:
    """ISO-8601; without an offset it is UTC. ValueError names what to type instead."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO-8601 instant; use e.g. 2027-03-01T08:00:00Z") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def format_instant(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _first_line(error: Exception) -> str:
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__
