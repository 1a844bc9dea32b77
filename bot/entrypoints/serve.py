"""The two ways to take Slack traffic: HTTP under gunicorn (as in production) or Socket Mode."""

import logging
import threading
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.entrypoints.startup import StartupError
from bot.entrypoints.web import SLACK_PATH, WSGIApp
from bot.settings import Settings

logger = logging.getLogger(__name__)

# One worker with threads: Slack wants every request acknowledged within 3 seconds,
# so a slow listener must not hold up the next request.
THREADS = 8


class _Gunicorn(BaseApplication):
    """gunicorn with an app already built, configured in code instead of from argv."""

    def __init__(self, wsgi_app: WSGIApp, options: dict[str, Any]):
        self._wsgi_app = wsgi_app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in self.cfg.settings:  # settings newer than gunicorn 23 are skipped there
                self.cfg.set(key, value)

    def load(self) -> WSGIApp:
        return self._wsgi_app


def serve_http(wsgi_app: WSGIApp, *, port: int) -> None:
    """Block serving `wsgi_app` on 0.0.0.0:port until SIGTERM or Ctrl-C."""
    options = {
        "bind": f"0.0.0.0:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": THREADS,
        "timeout": 30,
        "graceful_timeout": 10,
        "loglevel": "info",
        "proc_name": "goalbot",
        # gunicorn 24+ opens a control socket under ~/.gunicorn; two local servers would share it.
        "control_socket_disable": True,
    }
    logger.info("Slack requests go to http://0.0.0.0:%d%s", port, SLACK_PATH)
    _Gunicorn(wsgi_app, options).run()


def run_socket_mode(app: App, app_token: str) -> None:
    """Block on a Socket Mode connection (no public URL needed); Ctrl-C stops it.

    Raises StartupError in one line when Slack refuses a token or cannot be reached.
    """
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    _check_slack("SLACK_BOT_TOKEN", app.client.auth_test)
    # The handler reuses app.client, so SLACK_API_BASE_URL applies to apps.connections.open too.
    handler = SocketModeHandler(app, app_token)
    _check_slack("SLACK_APP_TOKEN", handler.connect)
    logger.info("connected to Slack with Socket Mode; Ctrl-C stops")
    wait_forever()


def check_bot_token(settings: Settings) -> None:
    """`auth.test` once, at SLACK_API_BASE_URL, before serving: a token Slack refuses (revoked,
    from another app) would otherwise fail only when the first person is answered."""
    from bot.entrypoints.app import build_client

    _check_slack("SLACK_BOT_TOKEN", build_client(settings).auth_test)


def wait_forever() -> None:
    threading.Event().wait()


def _check_slack(token_name: str, call: Callable[[], object]) -> None:
    # slack_sdk logs each failed attempt (and its retry) itself; the failure is said once, below.
    quiet = logging.getLogger("slack_sdk")
    level, quiet.level = quiet.level, logging.CRITICAL
    try:
        call()
    except SlackApiError as error:
        reason = error.response.get("error") if error.response is not None else None
        raise StartupError(f"Slack refused {token_name} ({reason or error}); check the token.") from None
    except (SlackClientError, OSError) as error:
        first = (str(error).splitlines() or [type(error).__name__])[0]
        raise StartupError(f"cannot reach Slack to check {token_name}: {first}") from None
    finally:
        quiet.setLevel(level)
