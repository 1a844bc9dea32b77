"""Builds the Bolt app: one configured WebClient, the listeners, and the injected clock."""

import logging
from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utc_now
from bot.settings import Settings
from models.db import make_engine, make_sessionmaker

logger = logging.getLogger(__name__)


class _TokenInClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns at
    every start that the token "will be unused". Our client already carries that same token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


logger.addFilter(_TokenInClient())


def build_client(settings: Settings) -> WebClient:
    # Bolt copies base_url and retry handlers from this client into each per-request client.
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_base_url,
        timeout=10,
        retry_handlers=[ConnectionErrorRetryHandler(), RateLimitErrorRetryHandler(max_retry_count=2)],
    )


def create_app(
    settings: Settings,
    *,
    sessions: sessionmaker[Session] | None = None,
    clock: Callable[[], datetime] = utc_now,
    process_before_response: bool = False,
) -> App:
    if sessions is None:
        sessions = make_sessionmaker(make_engine(settings.database_url))
    app = App(
        client=build_client(settings),
        signing_secret=settings.slack_signing_secret,
        process_before_response=process_before_response,
        # auth.test at start-up would need Slack to be reachable before serving /healthz.
        token_verification_enabled=False,
        logger=logger,
    )
    from handlers import register_listeners

    register_listeners(app, settings=settings, sessions=sessions, clock=clock)
    return app
