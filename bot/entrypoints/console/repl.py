"""The read-eval-print loop of `goalbot console`, and what it starts and stops around it."""

import os
import re
import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from datetime import datetime
from typing import TextIO

from slack_bolt import App
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from bot.clock import utc_now
from bot.entrypoints.console.dispatcher import Dispatcher, describe
from bot.entrypoints.console.loopback import LoopbackSlack
from bot.entrypoints.console.shell import Console
from bot.entrypoints.console.terminal import Terminal
from bot.entrypoints.console.views import ViewStore
from bot.entrypoints.console.workspace import Workspace
from bot.settings import Settings
from models.db import make_engine, make_sessionmaker

BOT_TOKEN = "xoxb-console"
DATABASE_PROBLEM = 2
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")
_PRESS = re.compile(r"(?:click\s+)?(\d+)", re.IGNORECASE)

HELP = """\
Type what you would type in Slack, plus a few console commands:
  /goals help              any slash command, sent as Slack sends it
  click 2   (or just 2)    press button 2 of the latest output
  :home                    open goalbot's App Home tab
  :user NAME [admin]       be someone else (:user NAME member drops admin)
  :channel NAME            move to another channel
  :help                    this text
  :quit                    leave (so does end of input)
In a modal: one line per field; an empty line keeps the value shown, - clears an
optional field, :cancel abandons the modal."""


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
    cannot be built, 130 on Ctrl-C.

    app_factory has create_app's signature and defaults to it; tests pass stand-in listeners.
    """
    terminal = Terminal(stdin, stdout)
    engine = None
    try:
        engine = make_engine(settings.database_url)
        _prepare_database(engine)
    except Exception as error:  # any failure here is the database's; say which, in one line
        shown_url = make_url(settings.database_url).render_as_string(hide_password=True)
        terminal.say(f"Could not prepare the database {shown_url}: {describe(error)}")
        if engine is not None:
            engine.dispose()
        return DATABASE_PROBLEM
    try:
        with (
            _direct_connections(),
            LoopbackSlack(
                Workspace(timezone=settings.timezone, clock=clock), ViewStore(), token=BOT_TOKEN
            ) as slack,
        ):
            secret = secrets.token_hex(16)
            console_settings = settings.model_copy(
                update={
                    "slack_bot_token": BOT_TOKEN,
                    "slack_signing_secret": secret,
                    "slack_api_base_url": slack.api_url,
                }
            )
            try:
                app = (app_factory or _create_app)(
                    console_settings,
                    sessions=make_sessionmaker(engine),
                    clock=clock,
                    process_before_response=True,
                )
            except Exception as error:  # a broken import or listener registration: one line, no traceback
                terminal.say(f"Could not start goalbot: {describe(error)}")
                return 1
            with Dispatcher(app, secret) as dispatcher:
                return _loop(Console(slack, dispatcher, terminal), terminal)
    except KeyboardInterrupt:
        terminal.say()
        return 130
    finally:
        engine.dispose()


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


def _create_app(settings: Settings, **options) -> App:
    from bot.entrypoints.app import create_app  # imported late: it pulls in every listener module

    return create_app(settings, listener_executor=_InlineExecutor(), **options)


def _prepare_database(engine: Engine) -> None:
    from models.migrate import ensure_ready

    ensure_ready(engine)


@contextmanager
def _direct_connections() -> Iterator[None]:
    """slack_sdk routes every call through HTTP(S)_PROXY and ignores NO_PROXY; the loopback is local."""
    saved = {name: os.environ.pop(name) for name in _PROXY_VARIABLES if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _loop(console: Console, terminal: Terminal) -> int:
    if terminal.interactive:
        terminal.say("goalbot console: you are @you (an admin) in #general. :help lists commands.", "dim")
    while (line := terminal.ask(console.prompt)) is not None:
        try:
            if not run_line(console, line.strip()):
                return 0
        except Exception as error:  # one bad line must not end the shell, nor print a traceback
            terminal.say(f"Something went wrong: {describe(error)}")
    return 0


def run_line(console: Console, line: str) -> bool:
    """Does what one typed line asks; False means leave."""
    say = console.terminal.say
    if not line or line.startswith("#"):  # blank lines and comments, for scripts
        return True
    if line.startswith("/"):
        command, _, text = line.partition(" ")
        console.slash(command, text.strip())
    elif match := _PRESS.fullmatch(line):
        console.press(int(match.group(1)))
    elif line.startswith(":"):
        return _console_command(console, line[1:].split())
    else:
        say("Not a command. Type a slash command such as /goals help, a button number, or :help.")
    return True


def _console_command(console: Console, words: list[str]) -> bool:
    say = console.terminal.say
    name, args = (words[0].lower(), words[1:]) if words else ("", [])
    if name in ("quit", "exit", "q"):
        return False
    if name == "help":
        say(HELP)
    elif name == "home":
        console.open_home()
    elif name == "user" and args and (len(args) == 1 or args[1].lower() in ("admin", "member")):
        admin = None if len(args) == 1 else args[1].lower() == "admin"
        console.become(args[0], admin=admin)
        role = "an admin" if console.who.person.is_admin else "a member"
        say(f"(you are now @{console.who.person.name}, {role})", "dim")
    elif name == "channel" and len(args) == 1:
        console.move_to(args[0])
        say(f"(you are now in #{console.who.channel_name})", "dim")
    else:
        say("Unknown console command. Try :help, :home, :user NAME [admin], :channel NAME or :quit.")
    return True
