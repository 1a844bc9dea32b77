"""Customer follow-ups in Slack: the tick pass that posts and reminds (tick.py), the post's
buttons and forms (actions.py), and `/goals followups` / `/goals export` (command.py)."""

from bot.domain.followups.commands import FollowupCommand
from handlers.deps import Deps
from handlers.followups import actions, command


def register(app, deps: Deps) -> None:
    actions.register(app, deps)
    deps.subcommands.add(FollowupCommand, command.run_followup_command, database_only=command.DATABASE_ONLY)
