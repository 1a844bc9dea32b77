"""The two ways to take Slack traffic: HTTP under gunicorn (as in production) or Socket Mode."""

import logging
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App

from bot.entrypoints.web import SLACK_PATH, WSGIApp

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
    """Block on a Socket Mode connection (no public URL needed); Ctrl-C stops it."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    # The handler reuses app.client, so SLACK_API_BASE_URL applies to apps.connections.open too.
    SocketModeHandler(app, app_token).start()
