"""`fanout_workspaces --installed`: the same workspaces installed through the installation store
(slack_sdk's SQLAlchemy store, as "Add to Slack" saves them) with rotating tokens, and the
environment of a distributed-mode `goalbot tick` (SLACK_CLIENT_ID, no SLACK_BOT_TOKEN).

Each workspace gets its own bot token, a refresh token and an expiry 12 hours from now, so the
ticks look every token up (bot/installations/bot_tokens.py) but none is due for refresh: what is
measured is the lookup, against the same run's SLACK_BOT_TOKEN figure (a token held in memory).
Expiry is wall-clock time, as the ticks judge it (`--at` moves only what is due)."""

from collections.abc import Sequence
from datetime import timedelta

from slack_sdk.oauth.installation_store import Installation

from bot.clock import utc_now
from bot.installations.stores import installation_store
from models.db import make_engine

CLIENT_ID, CLIENT_SECRET = "1111.2222", "bench-secret"
LIFETIME = timedelta(hours=12)  # Slack's rotating tokens live 12 hours


def install(url: str, teams: Sequence[str]) -> None:
    """Each of the workspaces `teams` installed."""
    engine = make_engine(url)
    store = installation_store(engine, CLIENT_ID)
    expires = int((utc_now() + LIFETIME).timestamp())
    for w, team in enumerate(teams):
        store.save(
            Installation(
                app_id="A_BENCH",
                team_id=team,
                team_name=f"Team {team}",
                user_id="U_INSTALLER",
                bot_token=f"xoxb-{team}-bench",
                bot_id=f"B{w:04d}",
                bot_user_id=f"UBOT{w:04d}",
                bot_scopes=["chat:write", "im:write"],
                bot_refresh_token=f"xoxe-1-{team}-bench",
                bot_token_expires_at=expires,
            )
        )
    engine.dispose()


def distributed(env: dict[str, str]) -> dict[str, str]:
    """The tick's environment in distributed mode: tokens from the installations, none in memory."""
    installed = {name: value for name, value in env.items() if name != "SLACK_BOT_TOKEN"}
    return installed | {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET}
