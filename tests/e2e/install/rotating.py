"""Installs with token rotation on (the stand-in's app registered `rotating=True`: 12-hour tokens
with single-use refresh tokens) and what the stand-in saw of their refreshes."""

from datetime import datetime

from sqlalchemy import select

from bot.installations.bot_tokens import InstalledBotTokens
from bot.installations.refresh import MARGIN
from bot.slack.standin.oauth import TOKEN_LIFETIME
from bot.slack.standin.recorder import Call
from models.installations import bots
from tests.e2e.install.conftest import CLIENT_ID, CLIENT_SECRET, InstallServer
from tests.e2e.install.installing import install_workspace


def install_rotating(server: InstallServer, *team_ids: str) -> dict[str, str]:
    """Each workspace installed through "Add to Slack" with rotating tokens: team id -> its token."""
    server.standin.oauth.register_app(CLIENT_ID, CLIENT_SECRET, server.redirect_url, rotating=True)
    return {team_id: install_workspace(server, team_id) for team_id in team_ids}


def due_at(installed_at: datetime) -> datetime:
    """When a token issued at `installed_at` (on the test's clock) is first due for refresh."""
    return installed_at + TOKEN_LIFETIME - MARGIN


def token_source(server: InstallServer, **kwargs) -> InstalledBotTokens:
    """A process's token source on the test's clock (a second one plays another process)."""
    return InstalledBotTokens(
        server.engine,
        CLIENT_ID,
        CLIENT_SECRET,
        base_url=server.standin.base_url,
        clock=server.clock,
        **kwargs,
    )


def refreshes(server: InstallServer) -> list[Call]:
    return [
        call
        for call in server.standin.calls("oauth.v2.access")
        if call.body.get("grant_type") == "refresh_token"
    ]


def stored(server: InstallServer, team_id: str) -> tuple[str, str, datetime]:
    """(bot token, refresh token, expiry) of the workspace's latest bot row."""
    with server.engine.connect() as connection:
        row = connection.execute(
            select(bots.c.bot_token, bots.c.bot_refresh_token, bots.c.bot_token_expires_at)
            .where(bots.c.team_id == team_id)
            .order_by(bots.c.installed_at.desc(), bots.c.id.desc())
        ).first()
    assert row is not None
    return row[0], row[1], row[2]


def slack_refusals(server: InstallServer) -> list[str]:
    """Every error the stand-in answered that says a token was used past its life."""
    return [
        str(call.answer.get("error"))
        for call in server.standin.calls()
        if call.answer.get("error") in ("token_expired", "invalid_refresh_token", "invalid_auth")
    ]
