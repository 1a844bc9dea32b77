"""One way to authorize a request, in both modes: Bolt's InstallationStoreAuthorize over a store.

Distributed mode's store is the database's (stores.py); single-workspace mode's is OneInstallation,
SLACK_BOT_TOKEN as the one installation, answering for whichever team asks. Bolt then finds the
bot's token the same way in both, and never a person's user token (`bot_only`).
"""

import logging
from datetime import UTC, datetime

from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_sdk.oauth.installation_store import Bot, InstallationStore

logger = logging.getLogger(__name__)


class OneInstallation(InstallationStore):
    """Single-workspace mode: one bot token, installed by whoever runs goalbot, for every team."""

    def __init__(self, bot_token: str) -> None:
        self._bot_token = bot_token
        self._since = datetime.fromtimestamp(0, UTC)  # installed before the process started

    @property
    def logger(self) -> logging.Logger:
        return logger

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        # bot_id and bot_user_id come from auth.test, which Bolt calls once for the token (cached).
        return Bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=self._bot_token,
            bot_id="",
            bot_user_id="",
            installed_at=self._since,
        )


def authorize_with(
    store: InstallationStore, *, client_id: str | None = None, client_secret: str | None = None
) -> InstallationStoreAuthorize:
    """Bolt's authorize over `store`. Its auth.test result is cached per token: a workspace's
    requests are not each preceded by an auth.test, and a new (rotated) token is asked about anew."""
    return InstallationStoreAuthorize(
        logger=logger,
        installation_store=store,
        client_id=client_id,
        client_secret=client_secret,
        bot_only=True,
        cache_enabled=True,
    )
