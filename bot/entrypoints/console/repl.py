"""`goalbot console`: starts the shared Slack stand-in and the real app, then the command loop."""

import os
import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from slack_bolt import App
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utc_now
from bot.entrypoints.console.clock import ConsoleClock
from bot.entrypoints.console.commands import ConsoleCommands
from bot.entrypoints.console.dispatcher import Dispatcher, describe
from bot.entrypoints.console.shell import Console
from bot.entrypoints.console.terminal import Terminal
from bot.entrypoints.console.ticking import TimeTravel
from bot.entrypoints.console.workspace import CONSOLE, TEAM_ID, Workspace
from bot.outbound.passes import TickContext
from bot.services.console_clock import save_instant, saved_instant
from bot.services.workspaces import workspace_zone
from bot.settings import Settings
from bot.slack.standin import SlackStandIn
from models.db import make_engine, make_sessionmaker

BOT_TOKEN = "xoxb-console"
DATABASE_PROBLEM = 2
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")

UNPACED = 1_000_000.0  # calls a second: the gate never waits in the console

AppFactory = Callable[..., App]


def run_console(
    settings: Settings,
    *,
    stdin: TextIO,
    stdout: TextIO,
    clock: Callable[[], datetime] = utc_now,
    app_factory: AppFactory | None = None,
) -> int:
    """Runs the shell until :quit or end of input; returns the process exit status: 0, or
    2 when the database cannot be prepared (as the CLI does for bad settings), 1 when the app
    cannot be built, 130 on Ctrl-C at the prompt (inside a form, Ctrl-C cancels the form).

    app_factory has create_app's signature and defaults to it; tests pass stand-in listeners.
    """
    terminal = Terminal(stdin, stdout)
    console_clock = ConsoleClock(clock)
    engine = None
    try:
        engine = make_engine(settings.database_url)
        _prepare_database(engine)
    except Exception as error:  # any failure here is the database's; say which, in one sentence
        shown_url = make_url(settings.database_url).render_as_string(hide_password=True)
        terminal.say(f"Could not prepare the database {shown_url}: {database_problem(error)}")
        if engine is not None:
            engine.dispose()
        return DATABASE_PROBLEM
    try:
        with (
            _direct_connections(),
            SlackStandIn(workspace=CONSOLE, tokens={BOT_TOKEN}, clock=console_clock.now) as standin,
        ):
            secret = secrets.token_hex(16)
            console_settings = settings.model_copy(
                update={
                    "slack_bot_token": BOT_TOKEN,
                    "slack_signing_secret": secret,
                    "slack_api_base_url": standin.base_url,
                }
            )
            sessions = make_sessionmaker(engine)
            try:
                app = (app_factory or _create_app)(
                    console_settings,
                    sessions=sessions,
                    clock=console_clock.now,
                    process_before_response=True,
                )
            except Exception as error:  # a broken import or listener registration: one line, no traceback
                terminal.say(f"Could not start goalbot: {describe(error)}")
                return 1
            resume_clock(console_clock, sessions)
            workspace = Workspace(standin, timezone=settings.timezone.key, now=console_clock.now())
            travel = TimeTravel(
                console_clock,
                _tick_context(console_settings, sessions),
                remember=lambda instant: save_instant(sessions, TEAM_ID, instant),
                zone=lambda: ZoneInfo(workspace_zone(sessions, TEAM_ID, settings.timezone.key)),
            )
            try:
                with Dispatcher(app, secret) as dispatcher:
                    return ConsoleCommands(Console(workspace, dispatcher, terminal, travel)).run()
            finally:
                save_instant(sessions, TEAM_ID, console_clock.now())
    except KeyboardInterrupt:
        terminal.say()
        return 130
    finally:
        engine.dispose()


def resume_clock(clock: ConsoleClock, sessions: sessionmaker[Session]) -> None:
    """The clock goes on from where the last session left it, unless real time is already later."""
    saved = saved_instant(sessions, TEAM_ID)
    if saved is not None and saved > clock.now():
        clock.move_to(saved)


def database_problem(error: BaseException) -> str:
    """The reason as a sentence a person can act on: no exception class names, no traceback."""
    cause: Any = getattr(error, "orig", None) if isinstance(error, SQLAlchemyError) else None
    lines = str(cause or error).strip().splitlines()
    text = lines[0].strip() if lines else "it did not answer"
    return text if text.endswith((".", "!", "?")) else text + "."


class _InlineExecutor(Executor):
    """Runs lazy listeners (modals, posts) before dispatch returns, so the console shows their
    effects right after the answer instead of racing them."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def _create_app(settings: Settings, **options: Any) -> App:
    from bot.entrypoints.app import create_app  # imported late: it pulls in every listener module

    return create_app(settings, listener_executor=_InlineExecutor(), **options)


def _tick_context(settings: Settings, sessions: sessionmaker[Session]) -> TickContext:
    """What `goalbot tick` runs with, sending to the stand-in; no pacing: nobody else is waiting."""
    from bot.entrypoints.tick import build_sender, tick_context

    return tick_context(settings, sessions, build_sender(settings, rate=UNPACED))


def _prepare_database(engine: Engine) -> None:
    from models.migrate import ensure_ready

    ensure_ready(engine)


@contextmanager
def _direct_connections() -> Iterator[None]:
    """slack_sdk routes every call through HTTP(S)_PROXY and ignores NO_PROXY; the stand-in is local."""
    saved = {name: os.environ.pop(name) for name in _PROXY_VARIABLES if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
