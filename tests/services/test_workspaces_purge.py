"""After the retention time a removed workspace has no row left in any table (read from the
schema itself, not from the registry), while another workspace's rows are all there; with
UNINSTALL_RETENTION_DAYS=0 the next tick deletes it; `goalbot purge --team T --yes` at once."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import MetaData, Table, func, inspect, select

from bot.entrypoints.tick import PASSES, run_passes
from bot.outbound import Sender, SingleToken, WorkspaceGate
from bot.outbound.passes import TickContext
from bot.services.workspaces import list_workspaces, note_workspace
from bot.services.workspaces_uninstall import mark_installed, mark_uninstalled
from handlers.workspaces.purge_pass import purge_tick_pass
from tests.services.reports.checkin_data import answer, checkin_channel

GONE, STAYS = "T0GONE", "T0STAYS"
AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def rows_of(sessions, team_id: str) -> dict[str, int]:
    """Rows naming `team_id` in every table of the database that has a team_id column."""
    with sessions() as session:
        bind = session.connection()
        counts = {}
        for name in inspect(bind).get_table_names():
            if "team_id" not in {column["name"] for column in inspect(bind).get_columns(name)}:
                continue
            table = Table(name, MetaData(), autoload_with=bind)
            counts[name] = session.scalar(
                select(func.count()).select_from(table).where(table.c.team_id == team_id)
            )
        return counts


def _workspace_with_data(sessions, team_id: str) -> None:
    people = ["U1", "U2", "U3"]
    checkin_channel(sessions, team_id, "C0NAMED", people, anonymous=False)
    checkin_channel(sessions, team_id, "C0ANON", people, anonymous=True)
    for user in people:
        answer(sessions, team_id, "C0NAMED", user, "clearer prices")
        answer(sessions, team_id, "C0ANON", user, "faster replies")
    with sessions.begin() as session:
        note_workspace(session, team_id, team_id.title())


def _purge_pass(sessions, at):
    ctx = TickContext(
        sessions=sessions,
        sender=Sender(SingleToken("xoxb-x"), WorkspaceGate(1000.0), base_url="http://127.0.0.1:9/"),
        default_tz=ZoneInfo("UTC"),
        worker="test",
    )
    return run_passes(ctx, at, (("purge", purge_tick_pass),))


def test_after_the_retention_time_no_row_of_it_is_left_and_the_others_are_all_there(sessions):
    _workspace_with_data(sessions, GONE)
    _workspace_with_data(sessions, STAYS)
    kept = rows_of(sessions, STAYS)
    assert sum(rows_of(sessions, GONE).values()) > 20 and kept == rows_of(sessions, GONE)

    mark_uninstalled(sessions, GONE, now=AT, retention_days=30)
    _purge_pass(sessions, AT + timedelta(days=30) - timedelta(seconds=1))
    assert rows_of(sessions, GONE) == kept  # kept for the retention time: a reinstall finds it all

    _purge_pass(sessions, AT + timedelta(days=30))

    assert {name: count for name, count in rows_of(sessions, GONE).items() if count} == {}
    assert rows_of(sessions, STAYS) == kept
    assert [w.team_id for w in list_workspaces(sessions)] == [STAYS]


def test_no_retention_deletes_at_the_next_tick(sessions):
    _workspace_with_data(sessions, GONE)
    mark_uninstalled(sessions, GONE, now=AT, retention_days=0)
    _purge_pass(sessions, AT)
    assert not any(rows_of(sessions, GONE).values())


def test_the_tick_runs_the_purge():
    assert ("purge", purge_tick_pass) in PASSES


def test_a_reinstall_within_the_retention_time_keeps_everything(sessions):
    _workspace_with_data(sessions, GONE)
    before = rows_of(sessions, GONE)
    mark_uninstalled(sessions, GONE, now=AT, retention_days=30)
    mark_installed(sessions, GONE, "Gone Again")

    _purge_pass(sessions, AT + timedelta(days=31))

    assert rows_of(sessions, GONE) == before
    (workspace,) = list_workspaces(sessions)
    assert (workspace.team_name, workspace.uninstalled, workspace.purge_after) == ("Gone Again", False, None)
