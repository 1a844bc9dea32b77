"""What an install sets going: the workspace is installed (again), the installer's time zone
becomes its default unless it has one, and the installer alone gets a welcome DM with the new
token; nothing is posted in a channel. Through the real HTTP server and the stand-in's OAuth."""

from datetime import UTC, datetime

from bot.services.actor import Actor
from bot.services.workspaces import list_workspaces, set_default_zone
from bot.services.workspaces_uninstall import mark_uninstalled
from bot.slack.standin.oauth import token_used
from models.workspaces import Workspace as WorkspaceRow
from tests.e2e.install.installing import install_workspace

BOSS = "U_BOSS"


def _install(server, *, team: str = "Acme", installer: str = BOSS) -> str:
    return install_workspace(server, "T1", team=team, installer=installer)


def _zone(sessions) -> str | None:
    with sessions() as session:
        row = session.get(WorkspaceRow, "T1")
        return None if row is None else row.default_tz


def test_the_installer_gets_one_welcome_dm_and_the_workspace_their_zone(install_server, sessions):
    standin = install_server.standin
    standin.add_user(BOSS, team_id="T1", tz="Europe/Berlin")

    token = _install(install_server)

    [dm] = standin.calls("chat.postMessage")  # nothing else, and nothing in a channel
    assert dm.body["channel"] == BOSS and token_used(dm) == token
    text = str(dm.body["blocks"])
    for command in ("/goals new", "/checkin schedule", "/goals help"):
        assert command in text
    [asked] = standin.calls("users.info")
    assert asked.body["user"] == BOSS and token_used(asked) == token
    assert _zone(sessions) == "Europe/Berlin"
    [workspace] = list_workspaces(sessions)
    assert (workspace.team_id, workspace.team_name, workspace.uninstalled) == ("T1", "Acme", False)


def test_the_workspace_name_is_escaped_in_the_dm(install_server):
    install_server.standin.add_user(BOSS, team_id="T1", tz="UTC")
    _install(install_server, team="<!channel> & Co")
    [dm] = install_server.standin.calls("chat.postMessage")
    assert "&lt;!channel&gt; &amp; Co" in dm.body["text"] and "<!channel>" not in str(dm.body)


def test_a_zone_the_workspace_already_has_is_kept(install_server, sessions):
    install_server.standin.add_user(BOSS, team_id="T1", tz="Europe/Berlin")
    set_default_zone(sessions, Actor(team_id="T1", user_id="U_ADMIN", is_admin=True), "Asia/Tokyo")
    _install(install_server)
    assert _zone(sessions) == "Asia/Tokyo"


def test_an_installer_slack_does_not_know_still_installs_without_a_zone(install_server, sessions):
    _install(install_server, installer="U_GHOST")  # users.info answers user_not_found
    assert _zone(sessions) is None
    assert [w.team_id for w in list_workspaces(sessions)] == ["T1"]


def test_a_reinstall_within_retention_undoes_the_uninstall(install_server, sessions):
    install_server.standin.add_user(BOSS, team_id="T1", tz="Europe/Berlin")
    _install(install_server)
    mark_uninstalled(sessions, "T1", now=datetime(2026, 11, 23, tzinfo=UTC), retention_days=30)
    assert list_workspaces(sessions)[0].uninstalled

    _install(install_server)

    [workspace] = list_workspaces(sessions)
    assert not workspace.uninstalled and workspace.purge_after is None
    assert _zone(sessions) == "Europe/Berlin"
