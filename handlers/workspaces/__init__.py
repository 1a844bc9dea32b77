"""Workspaces: `/goals settings timezone` (the workspace's own settings) and what happens when a
workspace removes goalbot (app_uninstalled, tokens_revoked)."""

from bot.domain.workspace_commands import SettingsCommand
from handlers.deps import Deps
from handlers.workspaces import settings, uninstall


def register(app, deps: Deps, *, retention_days: int) -> None:
    deps.subcommands.add(SettingsCommand, settings.run_settings_command, database_only=settings.DATABASE_ONLY)
    uninstall.register(app, deps, retention_days=retention_days)
