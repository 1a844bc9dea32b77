"""Workspaces: `/goals settings timezone` (the workspace's own settings)."""

from bot.domain.workspace_commands import SettingsCommand
from handlers.deps import Deps
from handlers.workspaces import settings


def register(app, deps: Deps) -> None:
    deps.subcommands.add(SettingsCommand, settings.run_settings_command, database_only=settings.DATABASE_ONLY)
