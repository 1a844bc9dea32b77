"""The `goalbot` console script. A bad setting or database stops it with one line and exit status 2."""

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from bot.entrypoints import workspace_verbs
from bot.entrypoints.logs import configure_logging
from bot.entrypoints.startup import StartupError, connect, open_database
from bot.settings import Settings, SettingsError, load_settings

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in one line, like every other refusal of the CLI."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (`{self.prog} --help` lists the options)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="goalbot",
        description="goalbot: a Slack bot for setting SMART goals and reaching them by checking in.",
        epilog="Settings come from the environment; see README.md.",
    )
    # Not required: `goalbot` alone shows this help (main), so a person sees the verbs.
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    parser.set_defaults(handler=_help_of(parser))

    serve = verbs.add_parser("serve", help="serve Slack over HTTP (POST /slack/events, GET /healthz)")
    serve.add_argument("--port", type=int, help="port to listen on (default: PORT, 3000)")
    serve.set_defaults(handler=_serve)

    run = verbs.add_parser("run", help="connect with Socket Mode when SLACK_APP_TOKEN is set, else serve")
    run.add_argument("--port", type=int, help="port for HTTP when there is no SLACK_APP_TOKEN")
    run.set_defaults(handler=_run)

    db = verbs.add_parser("db", help="database migrations: `db upgrade` to head, `db current`")
    db_verbs = db.add_subparsers(dest="db_verb", metavar="ACTION", parser_class=_Parser)
    db.set_defaults(handler=_help_of(db))
    db_verbs.add_parser("upgrade", help="apply migrations up to head").set_defaults(handler=_db_upgrade)
    db_verbs.add_parser("current", help="show the revision the database is at").set_defaults(
        handler=_db_current
    )

    console = verbs.add_parser("console", help="try the bot in a local shell, no Slack needed")
    console.set_defaults(handler=_console)

    export = verbs.add_parser("export", help="write a workspace's CSV files (goals, measurements, ...)")
    export.add_argument(
        "--team",
        required=True,
        help="Slack workspace id, e.g. T0123ABCD (the console's is T_CONSOLE)",
    )
    export.add_argument("--out", required=True, help="folder to write the CSV files to")
    export.add_argument("--channel", help="only this channel's data (a channel id)")
    export.add_argument("--month", help="only this month, YYYY-MM")
    export.set_defaults(handler=_export)

    tick = verbs.add_parser(
        "tick", help="record what is due (check-in prompts, reminders) and send it, once, then exit"
    )
    tick.add_argument(
        "--at",
        type=_instant,
        metavar="ISO-8601",
        help="the instant to run for (default: now), e.g. 2027-03-01T08:00:00Z",
    )
    tick.set_defaults(handler=_tick)

    clock = verbs.add_parser("clock", help="run the scheduler process (Procfile `clock:`), a tick a minute")
    clock.set_defaults(handler=_clock)
    workspace_verbs.add_verbs(verbs)  # workspaces [--check], purge
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already said in one line
        return stop.code if isinstance(stop.code, int) else USAGE_ERROR
    try:
        return args.handler(args)
    except (SettingsError, StartupError) as error:
        print(f"goalbot: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130


def _help_of(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """A verb left out (`goalbot`, `goalbot db`): the help, which lists them, and a usage error."""

    def show_help(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return USAGE_ERROR

    return show_help


def _settings(args: argparse.Namespace) -> Settings:
    port = getattr(args, "port", None)
    return load_settings(port=port) if port is not None else load_settings()


def _serve(args: argparse.Namespace) -> int:
    return _serve_http(_settings(args))


def _serve_http(settings: Settings) -> int:
    from bot.entrypoints.serve import check_bot_token, serve_http
    from bot.entrypoints.web import build_wsgi

    configure_logging(settings.log_level)
    wsgi_app = build_wsgi(settings)
    if not settings.distributed:  # installed workspaces' tokens are checked as they are used
        check_bot_token(settings)
    serve_http(wsgi_app, port=settings.port)
    return 0


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not settings.slack_app_token:
        if not settings.slack_signing_secret and settings.slack_bot_token:
            raise SettingsError(
                "SLACK_APP_TOKEN is not set, so `goalbot run` cannot use Socket Mode, which needs an "
                "app-level token (xapp-…); without it, it serves HTTP as `goalbot serve` does, which "
                "needs SLACK_SIGNING_SECRET, not set either. Export one of them (see README.md)."
            )
        return _serve_http(settings)
    from bot.entrypoints.app import create_app
    from bot.entrypoints.serve import run_socket_mode
    from models.db import make_sessionmaker

    configure_logging(settings.log_level)
    settings.require("slack_bot_token")
    engine = open_database(settings)
    run_socket_mode(create_app(settings, sessions=make_sessionmaker(engine)), settings.slack_app_token)
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from models.migrate import current_revision, upgrade

    engine = connect(_settings(args))
    upgrade(engine)
    print(f"database upgraded to revision {current_revision(engine)} (head)")
    return 0


def _db_current(args: argparse.Namespace) -> int:
    from models.migrate import current_revision, head_revision

    revision, head = current_revision(connect(_settings(args), create=False)), head_revision()
    if revision == head:
        print(f"{revision} (head)")
    else:
        print(f"{revision or 'no revision'} (head is {head}; run `goalbot db upgrade`)")
    return 0


def _console(args: argparse.Namespace) -> int:
    from bot.entrypoints.console import run_console

    # run_console prepares the database itself and reports its own problems in one line.
    settings = _settings(args)
    configure_logging(settings.log_level)
    return run_console(settings, stdin=sys.stdin, stdout=sys.stdout)


def _export(args: argparse.Namespace) -> int:
    from bot.entrypoints.export import run_export

    return run_export(_settings(args), team=args.team, out=args.out, channel=args.channel, month=args.month)


def _instant(text: str) -> object:
    from bot.entrypoints.tick import parse_instant

    try:
        return parse_instant(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _tick(args: argparse.Namespace) -> int:
    from bot.clock import utc_now
    from bot.entrypoints.tick import DatabaseUnreachable, build_sender, run_passes, summary_line, tick_context
    from models.db import make_sessionmaker

    settings = _settings(args)
    configure_logging(settings.log_level)
    engine = open_database(settings)
    sender = build_sender(settings, engine=engine)
    now = args.at or utc_now()
    try:
        summary = run_passes(tick_context(settings, make_sessionmaker(engine), sender), now)
    except DatabaseUnreachable as error:
        raise StartupError(f"the database stopped answering during the tick: {error}") from None
    finally:
        engine.dispose()  # an in-process tick (tests, the console) must not leave its pool open
    print(summary_line(now, summary), flush=True)
    return 0


def _clock(args: argparse.Namespace) -> int:
    from bot.clock import utc_now
    from bot.entrypoints.scheduler import build_scheduler, describe_jobs
    from bot.entrypoints.tick import build_sender, tick_context
    from models.db import make_sessionmaker

    settings = _settings(args)
    configure_logging(settings.log_level)
    engine = open_database(settings)
    sender = build_sender(settings, engine=engine)
    sessions = make_sessionmaker(engine)
    scheduler = build_scheduler(tick=tick_context(settings, sessions, sender), clock=utc_now)
    print(f"goalbot clock: {describe_jobs(scheduler)}", flush=True)
    scheduler.start()  # blocks; Ctrl-C ends it
    return 0


if __name__ == "__main__":
    sys.exit(main())
