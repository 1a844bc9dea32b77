"""The WSGI app: /healthz answers here, all Slack traffic goes to Bolt's SlackRequestHandler.

In distributed mode (SLACK_CLIENT_ID set) Bolt's handler also answers GET /slack/install and
/slack/oauth_redirect, the install flow of bot/installations/flow.py.

Production runs `gunicorn 'bot.entrypoints.web:wsgi()'`; `goalbot serve` runs the same app
under the same server.
"""

import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.entrypoints.health import DatabaseHealth
from bot.entrypoints.logs import configure_logging
from bot.entrypoints.startup import StartupError, open_database
from bot.settings import Settings, SettingsError, load_settings

logger = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_SETTINGS = ("slack_bot_token", "slack_signing_secret")
# Distributed mode ("Add to Slack", bot/installations): tokens come from installations.
DISTRIBUTED_SETTINGS = ("slack_client_id", "slack_client_secret", "slack_signing_secret")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def create_wsgi_app(app: App, sessions_or_engine: sessionmaker[Session] | Engine) -> WSGIApp:
    health = DatabaseHealth.of(_engine_of(sessions_or_engine))
    slack = SlackRequestHandler(app, path=SLACK_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        if method == "GET" and path == HEALTH_PATH:
            return _health(health, start_response)
        try:
            # SlackRequestHandler calls start_response only once its response is complete,
            # so an exception here means nothing has been sent yet.
            return slack(environ, start_response)
        except Exception as error:
            # Bolt parses the body before it checks the signature; junk must not become a 500.
            # Junk is anyone's to send, so it is one log line, not a traceback.
            reason = str(error).splitlines()[0][:200] if str(error) else ""
            logger.warning(
                "answered 400 to %s %s: Bolt could not handle it (%s: %s)",
                method,
                path,
                type(error).__name__,
                reason,
            )
            return _plain(start_response, "400 Bad Request", "bad request")

    return application


def build_wsgi(settings: Settings) -> WSGIApp:
    """Everything an HTTP process needs; raises SettingsError or StartupError with one line."""
    from bot.entrypoints.app import create_app
    from models.db import make_sessionmaker

    settings.require(*(DISTRIBUTED_SETTINGS if settings.distributed else HTTP_SETTINGS))
    engine = open_database(settings)
    app = create_app(settings, sessions=make_sessionmaker(engine))
    return create_wsgi_app(app, engine)


def wsgi() -> WSGIApp:
    """gunicorn's factory (the Procfile's `web:` line): settings from the environment."""
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        return build_wsgi(settings)
    except (SettingsError, StartupError) as error:
        # gunicorn prints an AppImportError's message alone and halts: one line, no traceback.
        from gunicorn.errors import AppImportError

        raise AppImportError(f"goalbot: {error}") from None


def _engine_of(sessions_or_engine: sessionmaker[Session] | Engine) -> Engine:
    if isinstance(sessions_or_engine, Engine):
        return sessions_or_engine
    bind = sessions_or_engine.kw.get("bind")
    if not isinstance(bind, Engine):
        raise TypeError("create_wsgi_app needs an Engine or a sessionmaker bound to one")
    return bind


def _health(health: DatabaseHealth, start_response: Callable[..., Any]) -> Iterable[bytes]:
    reason = health.problem()
    if reason is None:
        return _plain(start_response, "200 OK", "ok")
    logger.warning("healthz: database unreachable: %s", reason)
    return _plain(start_response, "503 Service Unavailable", "database unreachable")


def _plain(start_response: Callable[..., Any], status: str, body: str) -> Iterable[bytes]:
    data = body.encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(data)))]
    start_response(status, headers)
    return [data]
