"""Installing goalbot into a workspace through the stand-in's OAuth, and the settings a distributed
tick runs with: shared by the tests of what an install, a tick and an uninstall do."""

from bot.settings import Settings, load_settings
from bot.slack.standin import Workspace
from tests.e2e.install.conftest import CLIENT_ID, CLIENT_SECRET, InstallServer
from tests.e2e.install.web import Visitor, add_to_slack_link


def install_workspace(
    server: InstallServer, team_id: str, *, team: str | None = None, installer: str = "U_INSTALLER"
) -> str:
    """ "Add to Slack" through the stand-in's authorize step into `team_id`: its new bot token."""
    server.standin.oauth.install_into(Workspace(team_id=team_id, team=team or f"Team {team_id}"), installer)
    browser = Visitor()
    redirect = browser.get(add_to_slack_link(browser.get(server.install_url).text))
    assert browser.get(redirect.location).status == 200
    return str(server.standin.last("oauth.v2.access").answer["access_token"])


def distributed_settings(server: InstallServer) -> Settings:
    """`goalbot tick`'s settings in distributed mode: a client id, no SLACK_BOT_TOKEN."""
    return load_settings(
        slack_bot_token=None,
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_api_base_url=server.standin.base_url,
        database_url=server.engine.url.render_as_string(hide_password=False),
    )
