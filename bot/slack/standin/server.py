"""SlackStandIn: Slack's Web API and response_urls on a loopback port, for the whole test suite."""

import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.slack.standin.faults import Faults
from bot.slack.standin.recorder import Call, Recorder, Rejection
from bot.slack.standin.routing import Router
from bot.slack.standin.users import Directory
from bot.slack.standin.web_api import WebApi, Workspace


class SlackStandIn:
    """A running stand-in. Point a WebClient at `base_url`; give the bot `response_url(...)`s.

    Tokens: by default any token starting with "xoxb-" is accepted; pass `tokens` to accept
    exactly those. Every request is recorded (see `calls`, `last`, `wait_for`); payloads that break
    Slack's Block Kit limits are refused the way Slack refuses them, and listed by `rejections()`.
    """

    def __init__(self, *, tokens: Iterable[str] | None = None, workspace: Workspace | None = None) -> None:
        self.workspace = workspace or Workspace()
        self._tokens = frozenset(tokens) if tokens is not None else None
        self._recorder = Recorder()
        self._faults = Faults()
        self._directory = Directory()
        self._router = Router(
            WebApi(self.workspace, self._directory), self._recorder, self._faults, self._accepts
        )
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle

    def start(self) -> "SlackStandIn":
        if self._server is not None:
            return self
        self._faults.closing.clear()
        router = self._router

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                router.handle(self)

            do_POST = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the recorder is the log."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name=f"slack-standin-{self.port}",
        )
        self._thread.start()
        return self

    def close(self) -> None:
        self._faults.closing.set()  # wakes stalled answers so nothing waits on them
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> "SlackStandIn":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # addresses

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("SlackStandIn is not started; call start() or use it as a context manager")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "default") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    # recording

    def calls(self, method: str | None = None) -> list[Call]:
        return self._recorder.calls(method)

    def last(self, method: str) -> Call:
        return self._recorder.last(method)

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        return self._recorder.wait_for(method, count, timeout)

    def rejections(self) -> list[Rejection]:
        """Calls answered with an error (not counting injected faults), with Slack's reasons."""
        return self._recorder.rejections()

    def clear(self) -> None:
        """Forgets recorded calls and rejections (queued faults and users stay)."""
        self._recorder.clear()

    # failure injection (each queued failure is used up by one call of `method`)

    def fail_next(self, method: str, status: int = 500, times: int = 1) -> None:
        self._faults.fail_next(method, status, times)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        self._faults.rate_limit_next(method, retry_after, times)

    def stall_next(self, method: str, seconds: float, times: int = 1) -> None:
        self._faults.stall_next(method, seconds, times)

    # workspace

    def add_user(self, user_id: str, **fields: Any) -> dict[str, Any]:
        """See Directory.add_user: team_id="T1", name, real_name, tz="America/New_York",
        is_admin, is_owner, is_bot, deleted, channels (listed by users.conversations)."""
        return self._directory.add_user(user_id, **fields)

    def _accepts(self, token: str) -> bool:
        return token in self._tokens if self._tokens is not None else token.startswith("xoxb-")
