"""SlackStandIn: Slack's Web API and response_urls on a loopback port, for the tests and `goalbot console`."""

import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bot.clock import utc_now
from bot.slack.standin.directory import Channel, Directory
from bot.slack.standin.faults import Faults
from bot.slack.standin.manifest import MANIFEST_PATH, bot_scopes
from bot.slack.standin.messages import MessageLog
from bot.slack.standin.oauth import AUTHORIZE_PATH, OAuthStandIn
from bot.slack.standin.rate_limits import RateLimits
from bot.slack.standin.recorder import Call, Recorder, Rejection
from bot.slack.standin.routing import Router
from bot.slack.standin.traffic import first_and_last, most_in_window
from bot.slack.standin.uploads import Upload
from bot.slack.standin.views import ViewStore
from bot.slack.standin.web_api import WebApi
from bot.slack.standin.workspaces import Workspace, Workspaces


class SlackStandIn:
    """A running stand-in. Point a WebClient at `base_url`; give the bot `response_url(...)`s.

    Tokens: by default any token starting with "xoxb-" is accepted; pass `tokens` to accept
    exactly those (and added workspaces' own). Every request is recorded (see `calls`, `last`,
    `wait_for`); payloads that break Slack's Block Kit limits are refused the way Slack refuses
    them, and listed by `rejections()`.

    Scopes: the bot has the scopes of `manifest` (the repository's manifest.yml by default), or
    exactly `scopes` when given; a call needing another answers `missing_scope` as Slack does.
    `rate_limits` ({"chat.postMessage": 100.0}) caps calls per second per method (HTTP 429 beyond);
    `rate_limits_per_workspace` caps them for each workspace on its own, as Slack does.

    Workspaces: it plays `workspace` (the default team) and any added with `add_workspace`. Users
    and channels belong to a team, and every call is attributed to one (`Call.team_id`): its
    token's workspace, else the team of the channel or user it names (workspaces.py). `storm`
    answers 429 to one workspace only; `max_rate` and `first_and_last` measure what each received.

    `clock` (aware UTC datetimes, the wall clock by default) stamps message `ts` and members'
    `tz_offset`: a test or the console hands the stand-in the clock it hands the bot, so what Slack
    stamps and what the bot is told the time is agree at any hour.
    """

    def __init__(
        self,
        *,
        tokens: Iterable[str] | None = None,
        workspace: Workspace | None = None,
        manifest: Path | str = MANIFEST_PATH,
        scopes: Iterable[str] | None = None,
        rate_limits: Mapping[str, float] | None = None,
        rate_limits_per_workspace: Mapping[str, float] | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.workspace = workspace or Workspace()
        self._workspaces = Workspaces(self.workspace)
        self.scopes = frozenset(scopes) if scopes is not None else bot_scopes(manifest)
        self._tokens = frozenset(tokens) if tokens is not None else None
        self._recorder = Recorder()
        self._faults = Faults()
        self._directory = Directory(clock, default_team=self.workspace.team_id)
        self._api = WebApi(self._workspaces, self._directory, self.scopes, self._upload_url, clock)
        self._rate_limits = RateLimits(rate_limits, per_workspace=rate_limits_per_workspace)
        # Installs by "Add to Slack" (oauth.py); a token it issues speaks for its workspace.
        self.oauth = OAuthStandIn(self.workspace, clock, self._workspaces.add)
        self._router = Router(
            self._api,
            self._recorder,
            self._faults,
            self._rate_limits,
            self._accepts,
            self._workspaces,
            self.oauth,
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

        self._server = _Listening(("127.0.0.1", 0), Handler)
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

    @property
    def authorize_url(self) -> str:
        """Where "Add to Slack" sends a browser (SLACK_AUTHORIZE_URL for the bot)."""
        return f"http://127.0.0.1:{self.port}{AUTHORIZE_PATH}"

    def response_url(self, name: str = "default") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def _upload_url(self, file_id: str) -> str:
        return f"http://127.0.0.1:{self.port}/upload/{file_id}"

    # recording

    def calls(self, method: str | None = None, *, team_id: str | None = None) -> list[Call]:
        """Every call received, in order; of one method and/or one workspace when told."""
        return self._recorder.calls(method, team_id)

    def max_rate(self, team_id: str, method: str, window: float = 1.0) -> int:
        """The most calls of `method` the workspace received in any sliding `window` seconds
        (every call that arrived, 429s and errors included: what a sender's pacing let out)."""
        return most_in_window([c.at for c in self._recorder.calls(method, team_id)], window)

    def first_and_last(self, team_id: str, method: str | None = None) -> tuple[float, float] | None:
        """When the workspace's first and last calls (of `method`) arrived, in time.monotonic()
        seconds like `Call.at`; None when it received none."""
        return first_and_last([c.at for c in self._recorder.calls(method, team_id)])

    def last(self, method: str) -> Call:
        return self._recorder.last(method)

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        return self._recorder.wait_for(method, count, timeout)

    def wait_for_arrival(
        self, method: str, count: int = 1, timeout: float = 5.0, where: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Waits until `count` calls of `method` (that `where` accepts) arrived, answered or not."""
        return self._recorder.wait_for_arrival(method, count, timeout, where)

    def rejections(self) -> list[Rejection]:
        """Calls answered with an error (not counting injected faults), with Slack's reasons."""
        return self._recorder.rejections()

    def clear(self) -> None:
        """Forgets recorded calls and rejections (queued faults and users stay)."""
        self._recorder.clear()

    def settle(self, quiet: float = 0.15, timeout: float = 5.0) -> None:
        """Returns once nothing is being answered and nothing arrived for `quiet` seconds."""
        self._recorder.settle(quiet, timeout)

    # failure injection (each queued failure is used up by one call of `method`)

    def fail_next(self, method: str, status: int = 500, times: int = 1) -> None:
        self._faults.fail_next(method, status, times)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        self._faults.rate_limit_next(method, retry_after, times)

    def stall_next(self, method: str, seconds: float, times: int = 1) -> None:
        self._faults.stall_next(method, seconds, times)

    def stall_token(self, token: str, seconds: float) -> None:
        """Every later call made with `token` is held `seconds` before it is answered (then answered
        in full): kill the process that holds the token meanwhile, and its posts land unseen."""
        self._faults.stall_token(token, seconds)

    def storm(
        self, team_id: str, seconds: float, retry_after: int = 1, methods: Iterable[str] | None = None
    ) -> float:
        """For the next `seconds`, every call for `team_id` (of `methods`, or any) is answered 429
        with `retry_after`; other workspaces are untouched. Returns when it ends (time.monotonic())."""
        return self._rate_limits.storm(team_id, seconds, retry_after, methods).end

    # workspaces

    def add_workspace(self, team_id: str, *, name: str | None = None, token: str | None = None) -> Workspace:
        """Another workspace the app is installed in; `token` (any string) speaks for it: auth.test
        names it and every call made with it is attributed to it."""
        return self._workspaces.add(team_id, name=name, token=token)

    def add_user(self, user_id: str, **fields: Any) -> dict[str, Any]:
        """See Directory.add_user: team_id (the default workspace's unless told), name, real_name,
        tz="America/New_York", is_admin, is_owner, is_bot, deleted, channels (users.conversations)."""
        return self._directory.add_user(user_id, **fields)

    def add_channel(self, channel_id: str, **fields: Any) -> Channel:
        """See Directory.add_channel: name, members (conversations.members), is_private, team_id."""
        return self._directory.add_channel(channel_id, **fields)

    def add_usergroup(self, group_id: str, members: tuple[str, ...]) -> None:
        self._directory.add_usergroup(group_id, members)

    def user(self, user_id: str) -> dict[str, Any] | None:
        return self._directory.get(user_id)

    def channel(self, channel_id: str) -> Channel | None:
        return self._directory.channel(channel_id)

    @property
    def views(self) -> ViewStore:
        """Open modals and Home tabs, as a Slack client shows them (`new_trigger(user)` for payloads)."""
        return self._api.views

    @property
    def messages(self) -> MessageLog:
        """What the bot posted with chat.postMessage, by channel (DMs under their D… id)."""
        return self._api.messages

    def uploads(self) -> list[Upload]:
        """Files started with files.getUploadURLExternal: their bytes once POSTed, where shared."""
        return self._api.uploads.all()

    def _accepts(self, token: str) -> bool:
        return token in self._tokens if self._tokens is not None else token.startswith("xoxb-")


class _Listening(ThreadingHTTPServer):
    """http.server's listen backlog is 5: a burst of more new connections (each Web API call opens
    one, and a fan-out has 16 senders per workspace) had some dropped, and each dropped one waited
    a second for TCP to try again. Slack takes them all; so does the stand-in."""

    request_queue_size = 128
