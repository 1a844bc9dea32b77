"""Reports: the tick pass for reminders and digests, the month-end button's listener, and the
`/goals reminders|digest|report` subcommands."""

from bot.domain.report_commands import ReportCommand
from handlers.deps import Deps
from handlers.reports import actions, commands


def register(app, deps: Deps) -> None:
    actions.register(app, deps)
    deps.subcommands.add(ReportCommand, commands.run_report_command, database_only=commands.DATABASE_ONLY)
