"""One way to authorize a request, in both modes: Bolt's InstallationStoreAuthorize over a store.

Distributed mode's store is the database's (stores.py); single-workspace mode's is OneInstallation,
SLACK_BOT_TOKEN as the one installation, answering for whichever team asks. Bolt then finds the
bot's token the same way in both, and never a person's user token (`bot_only`). A rotating token
is refreshed by goalbot, under its lock, never by Bolt (RefreshingStore).
"""

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore

from bot.outbound.tokens import TokenUnavailable

if TYPE_CHECKING:
    from bot.installations.bot_tokens import InstalledBotTokens

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


class RefreshingStore(InstallationStore):
    """The database's store as Bolt's authorize sees it: a rotating bot token comes back refreshed
    through goalbot's locked refresh (bot_tokens.py), the same path the tick's Sender and the clock
    job take, and without its refresh token, so Bolt never refreshes it itself (Bolt takes no lock:
    two processes refreshing at once would burn the single-use refresh token). Everything else is
    the store's own."""

    def __init__(self, store: InstallationStore, tokens: "InstalledBotTokens") -> None:
        self._store, self._tokens = store, tokens

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
        bot = self._store.find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
        )
        if bot is None or bot.bot_refresh_token is None or bot.team_id is None:
            return bot
        try:
            token = self._tokens.token_for(bot.team_id)
        except KeyError:  # uninstalled a moment ago
            return None
        except TokenUnavailable as unavailable:
            logger.warning("workspace %s: no usable bot token (%s)", bot.team_id, unavailable.error)
            return None
        fresh = Bot(**bot.to_dict_for_copying())
        fresh.bot_token, fresh.bot_refresh_token, fresh.bot_token_expires_at = token, None, None
        return fresh

    def save(self, installation: Installation) -> None:
        self._store.save(installation)

    def save_bot(self, bot: Bot) -> None:
        self._store.save_bot(bot)

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return self._store.find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._store.delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self._store.delete_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)
