"""slack_sdk's installation and OAuth state tables, in the app's metadata.

The tables are slack_sdk's own definitions (SQLAlchemyInstallationStore and
SQLAlchemyOAuthStateStore build them), placed in Base.metadata so that the migrations and the
models are compared as one schema. The stores (bot/installations/stores.py) read and write them
through their own copies of the same definitions.

They do not follow the app's rule of a non-null, indexed team_id first: an Enterprise Grid
org-wide installation has no team id, and an OAuth state belongs to no workspace yet.
"""

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from models.base import Base

INSTALLATIONS_TABLE = SQLAlchemyInstallationStore.default_installations_table_name
BOTS_TABLE = SQLAlchemyInstallationStore.default_bots_table_name
OAUTH_STATES_TABLE = SQLAlchemyOAuthStateStore.default_table_name

installations = SQLAlchemyInstallationStore.build_installations_table(Base.metadata, INSTALLATIONS_TABLE)
bots = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, BOTS_TABLE)
oauth_states = SQLAlchemyOAuthStateStore.build_oauth_states_table(Base.metadata, OAUTH_STATES_TABLE)

# Tables whose shape slack_sdk decides (see the module's docstring).
SLACK_SDK_TABLES = frozenset({INSTALLATIONS_TABLE, BOTS_TABLE, OAUTH_STATES_TABLE})
