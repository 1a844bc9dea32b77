"""`goalbot workspaces [--check]`: one line per workspace goalbot knows (team id, name, state, token
expiry); `--check` asks Slack (`auth.test`) whether each installed workspace's token works and
exits 1 if any does not. `goalbot purge --team T --yes`: every row of one workspace deleted now.

The verbs are added to the CLI's parser here (`add_verbs`), so cli.py stays a list of verbs."""

import argparse
import re
import sys
from datetime import UTC, datetime

from bot.services.workspaces import WorkspaceView

NO_EXPIRY = "—"  # a bot token that does not rotate never expires
USAGE_ERROR = 2
_TEAM = re.compile(r"^[TE][A-Z0-9_]{1,31}$")  # as `goalbot export` takes it (T_CONSOLE: the console's)


def add_verbs(verbs) -> None:
    """`verbs`: the CLI's subparsers."""
    listing = verbs.add_parser(
        "workspaces", help="list the workspaces goalbot serves and their state (--check: ask Slack)"
    )
    listing.add_argument(
        "--check", action="store_true", help="call auth.test with each workspace's token; exit 1 if any fails"
    )
    listing.set_defaults(handler=_workspaces)

    purge = verbs.add_parser("purge", help="delete every row of one workspace now (needs --yes)")
    purge.add_argument("--team", required=True, help="Slack workspace id, e.g. T0123ABCD")
    purge.add_argument("--yes", action="store_true", help="really delete; without it nothing is")
    purge.set_defaults(handler=_purge)


def describe(workspace: WorkspaceView, expires_at: datetime | None = None) -> str:
    """One line: team id, name, state, token expiry (`expires_at`: its rotating token's)."""
    if workspace.uninstalled:
        state = f"uninstalled on {_day(workspace.uninstalled_at)}, purge on {_day(workspace.purge_after)}"
    elif workspace.token_failing_since is not None:
        state = f"token failing since {_instant(workspace.token_failing_since)} ({workspace.token_error})"
    else:
        state = "installed"
    name = workspace.team_name or NO_EXPIRY
    expiry = _instant(expires_at) if expires_at is not None else NO_EXPIRY
    return f"{workspace.team_id}  {name}  {state}  token expires {expiry}"


def _workspaces(args: argparse.Namespace) -> int:
    from bot.entrypoints.startup import open_database
    from bot.services.workspaces import list_workspaces
    from bot.services.workspaces_tokens import token_expiries
    from bot.settings import load_settings
    from models.db import make_sessionmaker

    settings = load_settings()
    sessions = make_sessionmaker(open_database(settings))
    if args.check:
        from bot.entrypoints.workspace_check import check_tokens

        return check_tokens(settings, sessions)
    known, expiries = list_workspaces(sessions), token_expiries(sessions)
    for workspace in known:
        print(describe(workspace, expiries.get(workspace.team_id)))
    if not known:
        print("no workspaces yet: goalbot records one the first time it serves it", file=sys.stderr)
    return 0


def _purge(args: argparse.Namespace) -> int:
    from bot.entrypoints.startup import open_database
    from bot.services.workspaces_purge import purge_now
    from bot.settings import load_settings
    from models.db import make_sessionmaker

    team = args.team
    if not _TEAM.match(team):
        print(
            f"goalbot purge: --team needs a Slack workspace id such as T0123ABCD, not {team[:40]!r}.",
            file=sys.stderr,
        )
        return USAGE_ERROR
    if not args.yes:
        print(
            f"goalbot purge: this deletes every row of workspace {team} in every table, for good; "
            "run it again with --yes to do it.",
            file=sys.stderr,
        )
        return USAGE_ERROR
    sessions = make_sessionmaker(open_database(load_settings()))
    rows = purge_now(sessions, team)
    if not rows:
        print(f"goalbot purge: the database has nothing for workspace {team}; check --team.", file=sys.stderr)
        return USAGE_ERROR
    print(f"purged workspace {team}: {rows} rows deleted")
    return 0


def _day(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d") if at else NO_EXPIRY


def _instant(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
