"""`run`, `console` and `db` wiring, through cli.main with the slow or external parts replaced."""

import io
import sys
import types

import pytest
from slack_bolt import App

from bot.entrypoints import cli
from models.db import make_engine
from models.migrate import is_at_head
from tests.cli.environment import SETTING_NAMES


@pytest.fixture
def environment(monkeypatch, tmp_path):
    """Settings come from os.environ; start each test from none, with a SQLite file of its own."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    database_url = f"sqlite:///{tmp_path / 'goalbot.db'}"
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setattr(cli, "configure_logging", lambda level: None)  # leave the test run's logging alone
    return database_url


def _at_head(database_url: str) -> bool:
    engine = make_engine(database_url)
    try:
        return is_at_head(engine)
    finally:
        engine.dispose()


def test_run_uses_socket_mode_when_the_app_token_is_set(monkeypatch, environment, slack_api):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-test")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_BASE_URL", slack_api.base_url)
    started = []

    class FakeSocketModeHandler:
        def __init__(self, app, app_token):
            self.app, self.app_token = app, app_token

        def connect(self):
            started.append(self)

    monkeypatch.setattr("slack_bolt.adapter.socket_mode.SocketModeHandler", FakeSocketModeHandler)
    monkeypatch.setattr("bot.entrypoints.serve.wait_forever", lambda: None)

    assert cli.main(["run"]) == 0
    assert [call.method for call in slack_api.calls("auth.test")] == ["auth.test"]
    [handler] = started
    assert isinstance(handler.app, App)
    assert handler.app_token == "xapp-1-test"
    assert _at_head(environment)  # SQLite migrated itself before connecting


def test_run_without_an_app_token_serves_http(monkeypatch, environment, slack_api):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv("SLACK_API_BASE_URL", slack_api.base_url)
    served = []
    monkeypatch.setattr(
        "bot.entrypoints.serve.serve_http", lambda wsgi_app, *, port: served.append((wsgi_app, port))
    )

    assert cli.main(["run", "--port", "4321"]) == 0
    [(wsgi_app, port)] = served
    assert port == 4321
    replies = []
    body = wsgi_app({"REQUEST_METHOD": "GET", "PATH_INFO": "/healthz"}, lambda *args: replies.append(args))
    assert (replies[0][0], b"".join(body)) == ("200 OK", b"ok")


def test_console_delegates_with_the_process_streams(monkeypatch, environment):
    calls = []

    def run_console(settings, *, stdin, stdout):
        calls.append((settings, stdin, stdout))
        return 7

    monkeypatch.setitem(
        sys.modules, "bot.entrypoints.console", types.SimpleNamespace(run_console=run_console)
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("/goals list\n"))

    assert cli.main(["console"]) == 7
    [(settings, stdin, stdout)] = calls
    assert settings.database_url == environment
    assert (stdin, stdout) == (sys.stdin, sys.stdout)


def test_a_bad_setting_is_reported_not_raised(monkeypatch, environment, capsys):
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Base")

    assert cli.main(["clock"]) == 2
    assert capsys.readouterr().err.startswith("goalbot: DEFAULT_TIMEZONE ")
