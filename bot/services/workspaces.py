"""The workspace record: which workspaces goalbot knows, their default time zone, whether their
token works, and which were uninstalled. Every function takes the team id it concerns.

A row is made the first time goalbot meets a workspace (`note_workspace`): a command, a tick
sending to it, an install. Nothing else depends on the row existing: a workspace with none is
installed, with a working token and DEFAULT_TIMEZONE as its zone.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.zones import canonical_zone
from bot.services.actor import Actor
from bot.services.workspaces_refusals import NotWorkspaceAdmin, UnknownZone
from models.dialect import insert_ignoring
from models.workspaces import Workspace, WorkspaceState

# A workspace whose token failed is tried again this long after its latest failure: a token an
# admin fixed (a reactivated account) is noticed without anyone running `goalbot workspaces --check`.
RETRY_FAILING_TOKEN = timedelta(hours=1)


@dataclass(frozen=True)
class WorkspaceView:
    team_id: str
    team_name: str | None
    default_tz: str | None
    uninstalled: bool
    token_failing_since: datetime | None
    token_error: str | None
    uninstalled_at: datetime | None
    purge_after: datetime | None


def note_workspace(session: Session, team_id: str, name: str | None = None) -> None:
    """Makes the workspace's row if there is none; a name given replaces the one kept."""
    table = Workspace.__table__
    session.execute(
        insert_ignoring(session, table, ["team_id"]).values(  # type: ignore[arg-type]
            team_id=team_id, team_name=name, state=WorkspaceState.INSTALLED.value
        )
    )
    if name:
        session.execute(
            update(Workspace)
            .where(Workspace.team_id == team_id, Workspace.team_name.is_distinct_from(name))
            .values(team_name=name)
        )


def default_zone(session: Session, team_id: str, fallback: str) -> str:
    """The workspace's default time zone (an IANA name), else `fallback` (DEFAULT_TIMEZONE)."""
    zone = session.scalar(select(Workspace.default_tz).where(Workspace.team_id == team_id))
    return zone or fallback


def noted_zone(session: Session, team_id: str) -> str | None:
    """The workspace's own zone (None: it has none); its row is made if this is the first meeting."""
    row = session.get(Workspace, team_id)
    if row is None:
        note_workspace(session, team_id)
        return None
    return row.default_tz


def workspace_zone(sessions: sessionmaker[Session], team_id: str, fallback: str) -> str:
    """default_zone in a transaction of its own, for listeners."""
    with sessions.begin() as session:
        return default_zone(session, team_id, fallback)


def set_default_zone(sessions: sessionmaker[Session], actor: Actor, typed: str) -> str:
    """A workspace admin sets the zone used wherever a channel or person has none of its own."""
    if not actor.is_admin:
        raise NotWorkspaceAdmin()
    zone = canonical_zone(typed)
    if zone is None:
        raise UnknownZone(typed[:64], field="zone")
    with sessions.begin() as session:
        note_workspace(session, actor.team_id)
        session.execute(update(Workspace).where(Workspace.team_id == actor.team_id).values(default_tz=zone))
    return zone


def workspaces_to_serve(session: Session, team_ids: Iterable[str], now: datetime) -> list[str]:
    """`team_ids` (in order) less those never to be sent to (uninstalled) and those whose token
    failed less than RETRY_FAILING_TOKEN ago. Unknown workspaces are served."""
    wanted = list(dict.fromkeys(team_ids))
    if not wanted:
        return []
    held_back = set(
        session.scalars(
            select(Workspace.team_id).where(
                Workspace.team_id.in_(wanted),
                (Workspace.state == WorkspaceState.UNINSTALLED)
                | (Workspace.token_checked_at > now - RETRY_FAILING_TOKEN),
            )
        )
    )
    return [team for team in wanted if team not in held_back]


def mark_token_failing(session: Session, team_id: str, error: str, now: datetime) -> bool:
    """Records a call its token failed. True only for the first failure since it last worked, so
    the caller logs it once however many calls fail."""
    note_workspace(session, team_id)
    newly = session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, Workspace.token_failing_since.is_(None))
        .values(token_failing_since=now, token_error=error[:64], token_checked_at=now)
    )
    if newly.rowcount:  # type: ignore[attr-defined]
        return True
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(token_error=error[:64], token_checked_at=now)
    )
    return False


def clear_token_failing(session: Session, team_id: str) -> bool:
    """A call with the workspace's token worked: it is no longer failing. True if it was."""
    cleared = session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, Workspace.token_failing_since.is_not(None))
        .values(token_failing_since=None, token_error=None, token_checked_at=None)
    )
    return bool(cleared.rowcount)  # type: ignore[attr-defined]


def never_send_to(session: Session, team_id: str) -> bool:
    """Uninstalled: nothing goes to it any more (until a reinstall)."""
    state = session.scalar(select(Workspace.state).where(Workspace.team_id == team_id))
    return state == WorkspaceState.UNINSTALLED


def list_workspaces(sessions: sessionmaker[Session]) -> list[WorkspaceView]:
    """Every workspace goalbot knows, by team id (an operator's view, not scoped to one team)."""
    with sessions.begin() as session:
        rows = session.scalars(select(Workspace).order_by(Workspace.team_id)).all()
        return [
            WorkspaceView(
                team_id=row.team_id,
                team_name=row.team_name,
                default_tz=row.default_tz,
                uninstalled=row.state == WorkspaceState.UNINSTALLED,
                token_failing_since=row.token_failing_since,
                token_error=row.token_error,
                uninstalled_at=row.uninstalled_at,
                purge_after=row.purge_after,
            )
            for row in rows
        ]


def known_team_ids(sessions: sessionmaker[Session]) -> list[str]:
    """Every workspace with a row, installed or not."""
    with sessions.begin() as session:
        return list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))


@dataclass(frozen=True)
class Standing:
    """Whether to call Slack for a workspace now. `refusal`: why not ("uninstalled", or the error
    its token failed with, until it is due another try); `failing`: its token is marked failing."""

    refusal: str | None
    failing: bool


def standing_of(session: Session, team_id: str, now: datetime) -> Standing:
    """The workspace's standing; a workspace met for the first time gets its row."""
    return standings_of(session, [team_id], now)[team_id]


def standings_of(session: Session, team_ids: list[str], now: datetime) -> dict[str, Standing]:
    """`standing_of` for many workspaces in one read (and one write for those met first now)."""
    query = select(Workspace).where(Workspace.team_id.in_(team_ids))
    rows = {row.team_id: row for row in session.scalars(query)}
    new = sorted(set(team_ids) - set(rows))
    if new:
        installed = WorkspaceState.INSTALLED.value
        adding = [{"team_id": t, "team_name": None, "state": installed} for t in new]
        session.execute(insert_ignoring(session, Workspace.__table__, ["team_id"]), adding)  # type: ignore[arg-type]
    return {team_id: _standing(rows.get(team_id), now) for team_id in team_ids}


def _standing(row: Workspace | None, now: datetime) -> Standing:
    if row is None:
        return Standing(None, False)
    if row.state == WorkspaceState.UNINSTALLED:
        return Standing("uninstalled", row.token_failing_since is not None)
    if row.token_failing_since is None:
        return Standing(None, False)
    due_a_try = row.token_checked_at is None or row.token_checked_at <= now - RETRY_FAILING_TOKEN
    return Standing(None if due_a_try else (row.token_error or "token failing"), True)
