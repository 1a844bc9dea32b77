"""Builds the Bolt app: one configured WebClient, the listeners, and the injected clock.

`process_before_response=True` (the default, for HTTP and Socket Mode alike): Bolt answers as soon
as a listener's ack function returns, rather than polling for the ack every 10 ms, so an answer
from the database goes out when it is ready. Web API work runs afterwards in lazy listeners
(handlers/later.py) on `listener_executor`.
"""

import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import datetime

from slack_bolt import App
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth import OAuthFlow
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utc_now
from bot.entrypoints.logs import withhold_slack_payloads
from bot.outbound.passes import TickContext
from bot.settings import Settings
from models.db import make_engine, make_sessionmaker

logger = logging.getLogger(__name__)

LAZY_THREADS = 8


class _TokenInClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns at
    every start that the token "will be unused"; and, given `authorize`, that it "will be ignored".
    Our client already carries that same token, and `authorize` finds it (bot/installations)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "`token` will be unused" not in message and "env variable) will be ignored" not in message


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
    process_before_response: bool = True,
    listener_executor: Executor | None = None,
) -> App:
    if sessions is None:
        sessions = make_sessionmaker(make_engine(settings.database_url))
    withhold_slack_payloads()  # whatever the level, Bolt's DEBUG lines never carry a payload
    install = install_flow(settings, sessions, clock) if settings.distributed else None
    app = App(
        client=build_client(settings),
        signing_secret=settings.slack_signing_secret,
        process_before_response=process_before_response,
        # Lazy listeners (modals, users.info, posts) run here; Bolt's default pool has 5 threads.
        listener_executor=listener_executor or ThreadPoolExecutor(max_workers=LAZY_THREADS),
        # auth.test at start-up would need Slack to be reachable before serving /healthz.
        token_verification_enabled=False,
        logger=logger,
        # Both modes authorize through an installation store (bot/installations): SLACK_BOT_TOKEN as
        # the one installation, or, in distributed mode, "Add to Slack" and a token per workspace.
        authorize=authorize(settings, install, sessions, clock),  # type: ignore[arg-type]  # or an Authorize
        oauth_flow=install,
        installation_store_bot_only=True if install is not None else None,
    )
    from handlers import register_listeners

    outbound = outbound_for_listeners(settings, sessions, clock)
    register_listeners(app, settings=settings, sessions=sessions, clock=clock, outbound=outbound)
    return app


def outbound_for_listeners(
    settings: Settings, sessions: sessionmaker[Session], clock: Callable[[], datetime]
) -> TickContext | None:
    """How a listener sends an outbox row it has just recorded (a closed follow-up's notice)
    without waiting for the next tick: the tick's own Sender, gate and per-workspace leases, so a
    web process and the clocks together keep each workspace's rate. Its own holder name: a process
    running listeners and a clock keeps them apart. None without a token to send with: such rows
    then wait for the tick."""
    if not (settings.distributed or settings.slack_bot_token):
        return None
    from bot.entrypoints.tick import build_sender, tick_context, worker_name

    engine = sessions.kw.get("bind")
    sender = build_sender(settings, engine=engine if isinstance(engine, Engine) else None, clock=clock)
    return tick_context(settings, sessions, sender, clock=clock, worker=f"{worker_name()[:60]}:web")


def authorize(
    settings: Settings,
    install: OAuthFlow | None,
    sessions: sessionmaker[Session],
    clock: Callable[[], datetime] = utc_now,
) -> InstallationStoreAuthorize | None:
    """One code path: both modes find a workspace's bot token in an installation store. A rotating
    token is refreshed by goalbot's locked refresh, the tick's own (RefreshingStore): Bolt is given
    no client secret, so it never refreshes one itself, without a lock."""
    from bot.installations.authorize import OneInstallation, RefreshingStore, authorize_with
    from bot.installations.bot_tokens import InstalledBotTokens

    if install is None:
        # No token at all is refused by the CLI first (settings.require); Bolt says so otherwise.
        return authorize_with(OneInstallation(settings.slack_bot_token)) if settings.slack_bot_token else None
    oauth = install.settings
    tokens = InstalledBotTokens(
        _engine_of(sessions),
        oauth.client_id,
        oauth.client_secret,
        base_url=settings.slack_api_base_url,
        clock=clock,
    )
    return authorize_with(RefreshingStore(oauth.installation_store, tokens))


def install_flow(
    settings: Settings, sessions: sessionmaker[Session], clock: Callable[[], datetime] = utc_now
) -> OAuthFlow:
    """Bolt's OAuth flow on the app's database, asking for exactly manifest.yml's bot scopes."""
    from bot.installations.flow import build_install_flow
    from bot.slack.standin.manifest import bot_scopes

    engine = _engine_of(sessions)
    assert settings.slack_client_id and settings.slack_client_secret  # distributed mode requires both
    return build_install_flow(
        engine=engine,
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=sorted(bot_scopes()),
        authorization_url=settings.slack_authorize_url,
        redirect_uri=settings.slack_redirect_uri,
        clock=clock,
    )


def _engine_of(sessions: sessionmaker[Session]) -> Engine:
    engine = sessions.kw.get("bind")
    if not isinstance(engine, Engine):
        raise TypeError("installations need a sessionmaker bound to an Engine")
    return engine
