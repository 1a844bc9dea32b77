"""Two modes: one workspace (SLACK_BOT_TOKEN) or many (SLACK_CLIENT_ID), never both at once."""

import pytest

from bot.entrypoints.cli import main

SLACK_SETTINGS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_REDIRECT_URI",
    "SLACK_AUTHORIZE_URL",
)


@pytest.fixture
def environment(monkeypatch, tmp_path):
    for name in SLACK_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'goalbot.db'}")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    return monkeypatch


def _one_line(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("verb", [["serve"], ["run"], ["tick"], ["clock"]])
def test_a_bot_token_and_a_client_id_together_stop_every_slack_verb(environment, capsys, verb):
    environment.setenv("SLACK_BOT_TOKEN", "xoxb-one")
    environment.setenv("SLACK_CLIENT_ID", "1111.2222")
    environment.setenv("SLACK_CLIENT_SECRET", "client-secret")

    assert main(verb) == 2
    line = _one_line(capsys)
    assert line.startswith("goalbot: SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set")


def test_distributed_serve_needs_the_client_secret(environment, capsys):
    environment.setenv("SLACK_CLIENT_ID", "1111.2222")

    assert main(["serve"]) == 2
    assert "SLACK_CLIENT_SECRET is not set" in _one_line(capsys)


def test_a_malformed_authorize_url_is_named(environment, capsys):
    environment.setenv("SLACK_AUTHORIZE_URL", "slack.com/oauth")

    assert main(["serve"]) == 2
    assert _one_line(capsys).startswith("goalbot: SLACK_AUTHORIZE_URL must be an http(s) URL")


def test_single_workspace_mode_has_no_install_routes(bot_server):
    from tests.e2e.install.web import Visitor

    assert Visitor().get(bot_server.url + "/slack/install").status == 404


def test_distributed_serve_builds_the_install_routes(environment, tmp_path):
    from wsgiref.util import setup_testing_defaults

    from bot.entrypoints.web import build_wsgi
    from bot.settings import load_settings

    environment.setenv("SLACK_CLIENT_ID", "1111.2222")
    environment.setenv("SLACK_CLIENT_SECRET", "client-secret")
    application = build_wsgi(load_settings())
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/slack/install"}
    setup_testing_defaults(environ)
    answered = []

    body = b"".join(application(environ, lambda status, headers: answered.append((status, headers))))

    [(status, headers)] = answered
    assert status.startswith("200")
    assert any(name.lower() == "set-cookie" and "slack-app-oauth-state=" in value for name, value in headers)
    assert b"Add to Slack" in body
