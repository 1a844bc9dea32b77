"""`goalbot run` when Slack refuses a token or cannot be reached: one line, exit status 2."""

import logging

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.entrypoints.app import create_app
from bot.settings import load_settings
from bot.slack.standin import SlackStandIn

UNREACHABLE = "http://127.0.0.1:1/api/"


@pytest.fixture
def socket_env(goalbot_env):
    return goalbot_env | {"SLACK_BOT_TOKEN": "xoxb-revoked", "SLACK_APP_TOKEN": "xapp-1-test"}


def _one_line(result) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


def test_a_revoked_bot_token_is_one_line(run_goalbot, socket_env):
    with SlackStandIn(tokens={"xoxb-the-real-one"}) as slack:
        result = run_goalbot("run", env=socket_env | {"SLACK_API_BASE_URL": slack.base_url})

    assert _one_line(result) == "goalbot: Slack refused SLACK_BOT_TOKEN (invalid_auth); check the token."


def test_an_unreachable_slack_is_one_line(run_goalbot, socket_env):
    result = run_goalbot("run", env=socket_env | {"SLACK_API_BASE_URL": UNREACHABLE})

    assert _one_line(result).startswith("goalbot: cannot reach Slack to check SLACK_BOT_TOKEN:")


def test_a_refused_app_token_is_one_line(monkeypatch, tmp_path, slack_api, capsys):
    from bot.entrypoints import cli

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'goalbot.db'}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-revoked")
    monkeypatch.setenv("SLACK_API_BASE_URL", slack_api.base_url)
    monkeypatch.setattr(cli, "configure_logging", lambda level: None)

    class RefusingHandler:
        def __init__(self, app, app_token):
            pass

        def connect(self):
            response = SlackResponse(
                client=None,
                http_verb="POST",
                api_url="apps.connections.open",
                req_args={},
                data={"ok": False, "error": "invalid_auth"},
                headers={},
                status_code=200,
            )
            raise SlackApiError("The request to the Slack API failed.", response)

    monkeypatch.setattr("slack_bolt.adapter.socket_mode.SocketModeHandler", RefusingHandler)

    assert cli.main(["run"]) == 2
    assert (
        capsys.readouterr().err == "goalbot: Slack refused SLACK_APP_TOKEN (invalid_auth); check the token.\n"
    )


def test_bolt_does_not_warn_that_the_token_is_unused(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-the-environment")
    settings = load_settings(
        slack_bot_token="xoxb-from-the-environment",
        slack_signing_secret="s",
        database_url=f"sqlite:///{tmp_path / 'goalbot.db'}",
    )

    with caplog.at_level(logging.DEBUG):
        create_app(settings)

    assert "will be unused" not in caplog.text
