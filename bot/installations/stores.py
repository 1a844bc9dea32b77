"""slack_sdk's SQLAlchemy installation and OAuth state stores on the app's own database, and the
bot token of an installed workspace.

The tables come from migration 0018_installations (models/installations.py): the stores are never
asked to create them.
"""

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.state_utils import OAuthStateUtils
from sqlalchemy import Engine, select

from models.installations import bots

STATE_LIFETIME_SECONDS = OAuthStateUtils.default_expiration_seconds  # 10 minutes to press "Allow"


class NotInstalled(KeyError):
    """No bot token is stored for this workspace (never installed, or uninstalled)."""


def installation_store(engine: Engine, client_id: str) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=client_id, engine=engine)


def state_store(
    engine: Engine, expiration_seconds: int = STATE_LIFETIME_SECONDS
) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=engine)


class InstalledBotTokens:
    """A TokenSource (bot/outbound/tokens.py): the bot token of a workspace's latest installation;
    NotInstalled (a KeyError, as TokenSource says) for a workspace with none.

    It reads slack_bots, never slack_installations: an installation row can be one person's
    user-token install with no bot token (bolt-python #664), and only the bot speaks for goalbot.
    """

    def __init__(self, engine: Engine, client_id: str) -> None:
        self._engine = engine
        self._client_id = client_id

    def token_for(self, team_id: str) -> str:
        query = (
            select(bots.c.bot_token)
            .where(
                bots.c.client_id == self._client_id,
                bots.c.team_id == team_id,
                bots.c.bot_token.is_not(None),
            )
            .order_by(bots.c.installed_at.desc(), bots.c.id.desc())
            .limit(1)
        )
        with self._engine.connect() as connection:
            token = connection.execute(query).scalar()
        if token is None:
            raise NotInstalled(f"goalbot is not installed in workspace {team_id}")
        return str(token)
