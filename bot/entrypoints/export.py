"""`goalbot export --team T --out DIR [--channel C] [--month YYYY-MM]`: the CSV files of
`/goals export`, written to a folder. Bad arguments stop it with one line and exit status 2."""

import re
import sys
from pathlib import Path

from bot.domain.followups.commands import parse_month
from bot.entrypoints.startup import open_database
from bot.services.reports.export_data import ExportScope, export_csv_files, workspace_known
from bot.settings import Settings
from models.db import make_sessionmaker

USAGE_ERROR = 2
_TEAM = re.compile(r"^[TE][A-Z0-9_]{1,31}$")  # T_CONSOLE: the console's workspace
_CHANNEL = re.compile(r"^[CGD][A-Z0-9_]{1,31}$")


class ExportArgumentError(Exception):
    """One line saying what to type instead."""


def check_arguments(team: str | None, out: str | None, channel: str | None, month: str | None) -> ExportScope:
    # argparse would print usage over several lines; one line says what is missing.
    if not team or not out:
        raise ExportArgumentError(
            "needs --team T0123ABCD and --out DIR (optional: --channel C…, --month YYYY-MM)."
        )
    if not _TEAM.match(team):
        raise ExportArgumentError(f"--team needs a Slack workspace id such as T0123ABCD, not {team[:40]!r}.")
    if channel is not None and not _CHANNEL.match(channel):
        raise ExportArgumentError(f"--channel needs a channel id such as C0123ABCD, not {channel[:40]!r}.")
    first_day = None
    if month is not None:
        first_day = parse_month(month)
        if first_day is None:
            raise ExportArgumentError(f"--month needs YYYY-MM, e.g. --month 2027-03, not {month[:40]!r}.")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportArgumentError(f"--out {out} is a file; give a folder (it is created if missing).")
    return ExportScope(team, channel, first_day)


def run_export(
    settings: Settings, *, team: str | None, out: str | None, channel: str | None, month: str | None
) -> int:
    try:
        scope = check_arguments(team, out, channel, month)
    except ExportArgumentError as error:
        print(f"goalbot export: {error}", file=sys.stderr)
        return USAGE_ERROR
    sessions = make_sessionmaker(open_database(settings))
    if not workspace_known(sessions, scope.team_id):
        print(
            f"goalbot export: the database has nothing for workspace {team}; check --team.", file=sys.stderr
        )
        return USAGE_ERROR
    folder = Path(out or ".")
    folder.mkdir(parents=True, exist_ok=True)
    files = export_csv_files(sessions, scope)
    for csv_file in files:
        (folder / csv_file.name).write_bytes(csv_file.data)
    print(f"wrote {len(files)} files to {folder}: " + ", ".join(f.name for f in files))
    return 0
