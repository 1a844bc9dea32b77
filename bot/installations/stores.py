"""slack_sdk's SQLAlchemy installation and OAuth state stores on the app's own database (the bot
token of an installed workspace: bot_tokens.py).

The tables come from migration 0018_installations (models/installations.py): the stores are never
asked to create them.
"""

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.state_utils import OAuthStateUtils
from sqlalchemy import Engine

STATE_LIFETIME_SECONDS = OAuthStateUtils.default_expiration_seconds  # 10 minutes to press "Allow"


class NotInstalled(KeyError):
    """No bot token is stored for this workspace (never installed, or uninstalled)."""


def installation_store(engine: Engine, client_id: str) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=client_id, engine=engine)


def state_store(
    engine: Engine, expiration_seconds: int = STATE_LIFETIME_SECONDS
) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=engine)
