"""What an install sets going once it is stored: the workspace is installed (again: a reinstall
within the retention time finds everything), the installer's time zone becomes the workspace's
default unless it has one, and the installer gets a welcome DM. All with the new bot token.

Slack failing here (a users.info or a DM refused) is logged and costs the install nothing: the
installation is stored and the success page is shown either way."""

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.zones import canonical_zone
from bot.services.workspaces_uninstall import mark_installed
from handlers.views.welcome import build_welcome, welcome_text
from models.workspaces import Workspace

logger = logging.getLogger(__name__)


def welcome(client: WebClient, sessions: sessionmaker[Session], installation: Installation) -> None:
    team_id, token = installation.team_id, installation.bot_token
    if team_id is None or token is None:  # org-wide installs are refused before this
        return
    mark_installed(sessions, team_id, installation.team_name)
    zone = installer_zone(client, token, installation.user_id)
    if zone is not None:
        adopt_zone(sessions, team_id, zone)
    try:
        client.chat_postMessage(
            token=token,
            channel=installation.user_id,  # a user id: Slack posts in the bot's DM with them
            text=welcome_text(installation.team_name),
            blocks=build_welcome(installation.team_name),
        )
    except SlackClientError as error:
        logger.warning("the welcome DM to the installer of %s was not sent: %s", team_id, _why(error))


def installer_zone(client: WebClient, token: str, user_id: str) -> str | None:
    """The installer's IANA time zone from users.info; None when Slack gives none we know."""
    try:
        answer = client.users_info(token=token, user=user_id)
    except SlackClientError as error:
        logger.warning("users.info of the installer %s failed: %s", user_id, _why(error))
        return None
    user = answer.get("user") or {}
    return canonical_zone(user.get("tz"))


def adopt_zone(sessions: sessionmaker[Session], team_id: str, zone: str) -> bool:
    """`zone` becomes the workspace's default unless it has one (an admin's choice, or a previous
    install's, is kept). True when it was taken."""
    with sessions.begin() as session:
        result = session.execute(
            update(Workspace)
            .where(Workspace.team_id == team_id, Workspace.default_tz.is_(None))
            .values(default_tz=zone)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _why(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error"))
    return type(error).__name__
