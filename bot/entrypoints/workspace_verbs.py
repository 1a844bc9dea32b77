"""`goalbot workspaces [--check]`: one line per workspace goalbot knows (team id, name, state, token
expiry); `--check` asks Slack (`auth.test`) whether each installed workspace's token works and
exits 1 if any does not.

The verbs are added to the CLI's parser here (`add_verbs`), so cli.py stays a list of verbs."""

import argparse
import sys
from datetime import UTC, datetime

from bot.services.workspaces import WorkspaceView

NO_EXPIRY = "—"  # bot tokens do not expire until token rotation exists


def add_verbs(verbs) -> None:
    """`verbs`: the CLI's subparsers."""
    listing = verbs.add_parser(
        "workspaces", help="list the workspaces goalbot serves and their state (--check: ask Slack)"
    )
    listing.add_argument(
        "--check", action="store_true", help="call auth.test with each workspace's token; exit 1 if any fails"
    )
    listing.set_defaults(handler=_workspaces)


def describe(workspace: WorkspaceView) -> str:
    """One line: team id, name, state, token expiry."""
    if workspace.uninstalled:
        state = f"uninstalled on {_day(workspace.uninstalled_at)}, purge on {_day(workspace.purge_after)}"
    elif workspace.token_failing_since is not None:
        state = f"token failing since {_instant(workspace.token_failing_since)} ({workspace.token_error})"
    else:
        state = "installed"
    name = workspace.team_name or NO_EXPIRY
    return f"{workspace.team_id}  {name}  {state}  token expires {NO_EXPIRY}"


def _workspaces(args: argparse.Namespace) -> int:
    from bot.entrypoints.startup import open_database
    from bot.services.workspaces import list_workspaces
    from bot.settings import load_settings
    from models.db import make_sessionmaker

    settings = load_settings()
    sessions = make_sessionmaker(open_database(settings))
    if args.check:
        from bot.entrypoints.workspace_check import check_tokens

        return check_tokens(settings, sessions)
    known = list_workspaces(sessions)
    for workspace in known:
        print(describe(workspace))
    if not known:
        print("no workspaces yet: goalbot records one the first time it serves it", file=sys.stderr)
    return 0


def _day(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d") if at else NO_EXPIRY


def _instant(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
