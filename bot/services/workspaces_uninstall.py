"""A workspace removes goalbot (`app_uninstalled`, or its bot token revoked): from that moment
nothing more is sent to it, and its data is kept for the retention time (a reinstall finds it
all again), then purged.

Nothing is sent because the workspace is marked uninstalled (the sender refuses every call for
it: bot/outbound/workspace_health.py) and its pending outbox rows are cancelled in the same
transaction, so no tick that claims after the event finds anything to send."""

from datetime import datetime, timedelta

from sqlalchemy import Table, update
from sqlalchemy.orm import Session, sessionmaker

from bot.services.workspaces import note_workspace
from models.checkins import Delivery
from models.followups import FollowupMessage
from models.reports import ReportPost
from models.workspaces import Workspace, WorkspaceState

# The three outboxes and their states. One place to change if the outbox engine renames them.
_OUTBOXES: tuple[Table, ...] = (
    Delivery.__table__,  # type: ignore[assignment]
    ReportPost.__table__,
    FollowupMessage.__table__,
)
_PENDING, _CANCELLED = "pending", "skipped"


def mark_uninstalled(
    sessions: sessionmaker[Session], team_id: str, *, now: datetime, retention_days: int
) -> datetime:
    """Marks the workspace uninstalled and cancels what it was owed; returns when its data goes.
    A second event (both app_uninstalled and tokens_revoked arrive) keeps the first's times."""
    with sessions.begin() as session:
        note_workspace(session, team_id)
        row = session.get(Workspace, team_id, with_for_update=True)
        assert row is not None
        if row.state != WorkspaceState.UNINSTALLED or row.purge_after is None:
            row.state = WorkspaceState.UNINSTALLED
            row.uninstalled_at, row.purge_after = now, now + timedelta(days=retention_days)
        cancel_pending_outbox(session, team_id)
        return row.purge_after


def cancel_pending_outbox(session: Session, team_id: str) -> int:
    """Every message still waiting to go to the workspace is recorded as not sent; how many."""
    cancelled = 0
    for table in _OUTBOXES:
        result = session.execute(
            update(table)
            .where(table.c.team_id == team_id, table.c.state == _PENDING)
            .values(state=_CANCELLED)
        )
        cancelled += result.rowcount  # type: ignore[attr-defined]
    return cancelled


def mark_installed(sessions: sessionmaker[Session], team_id: str, name: str | None = None) -> None:
    """Installed (again): a reinstall within the retention time keeps everything, and the
    workspace is served again from its next tick. The install flow calls this."""
    with sessions.begin() as session:
        note_workspace(session, team_id, name)
        session.execute(
            update(Workspace)
            .where(Workspace.team_id == team_id)
            .values(
                state=WorkspaceState.INSTALLED,
                uninstalled_at=None,
                purge_after=None,
                token_failing_since=None,
                token_error=None,
                token_checked_at=None,
            )
        )
