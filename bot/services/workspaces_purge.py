"""Deleting a removed workspace's data: every row of it in every table of the registry
(models/workspace_tables.py), its `workspaces` row included, once its retention time is over (the
tick) or at once (`goalbot purge`)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.workspace_tables import purge_workspace
from models.workspaces import Workspace, WorkspaceState


def due_for_purge(sessions: sessionmaker[Session], now: datetime) -> list[str]:
    """Uninstalled workspaces whose `purge_after` has come (a reinstall clears it)."""
    with sessions.begin() as session:
        return list(
            session.scalars(
                select(Workspace.team_id)
                .where(Workspace.state == WorkspaceState.UNINSTALLED, Workspace.purge_after <= now)
                .order_by(Workspace.team_id)
            )
        )


def purge_due(sessions: sessionmaker[Session], now: datetime) -> dict[str, int]:
    """Purges each workspace past its retention time; rows deleted, per workspace."""
    return {team_id: purge_now(sessions, team_id) for team_id in due_for_purge(sessions, now)}


def purge_now(sessions: sessionmaker[Session], team_id: str) -> int:
    """Deletes every row of the workspace in every table, in one transaction; how many rows."""
    return sum(purge_workspace(sessions, team_id).values())
