"""The bot in distributed mode behind a real HTTP server, installed through the stand-in's OAuth.

`install_server` is the bot with SLACK_CLIENT_ID/SECRET (no SLACK_BOT_TOKEN), its authorize URL
pointing at the stand-in, and the app registered with the stand-in under the server's redirect URL.
"""

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from bot.entrypoints.app import create_app
from bot.settings import load_settings
from bot.slack.standin import SlackStandIn
from tests.fixtures.bot import SIGNING_SECRET, FrozenClock, serve_in_thread

CLIENT_ID, CLIENT_SECRET = "1111.2222", "client-secret"


@dataclass
class InstallServer:
    url: str
    standin: SlackStandIn
    engine: Engine
    clock: FrozenClock

    @property
    def install_url(self) -> str:
        return self.url + "/slack/install"

    @property
    def redirect_url(self) -> str:
        return self.url + "/slack/oauth_redirect"


@pytest.fixture
def install_server(slack_api, sessions, engine, clock):
    settings = load_settings(
        slack_bot_token=None,
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_base_url=slack_api.base_url,
        slack_authorize_url=slack_api.authorize_url,
        database_url=engine.url.render_as_string(hide_password=False),
    )
    app = create_app(settings, sessions=sessions, clock=clock)
    with serve_in_thread(app, engine) as url:
        slack_api.oauth.register_app(CLIENT_ID, CLIENT_SECRET, url + "/slack/oauth_redirect")
        yield InstallServer(url, slack_api, engine, clock)
