"""`goalbot serve` asks Slack once (auth.test) whether it takes SLACK_BOT_TOKEN before serving."""

import pytest

from bot.slack.standin import SlackStandIn

UNREACHABLE = "http://127.0.0.1:1/api/"


def _one_line(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


@pytest.mark.parametrize("verb", [["serve"], ["run"]])  # `run` without SLACK_APP_TOKEN serves HTTP
def test_a_token_slack_refuses_stops_serve_in_one_line(run_goalbot, http_env, verb):
    with SlackStandIn(tokens={"xoxb-the-real-one"}) as slack:
        result = run_goalbot(*verb, "--port", "0", env=http_env | {"SLACK_API_BASE_URL": slack.base_url})
        asked = [call.method for call in slack.calls()]

    assert _one_line(result) == "goalbot: Slack refused SLACK_BOT_TOKEN (invalid_auth); check the token."
    assert asked == ["auth.test"]


def test_an_unreachable_slack_stops_serve_in_one_line(run_goalbot, http_env):
    result = run_goalbot("serve", "--port", "0", env=http_env | {"SLACK_API_BASE_URL": UNREACHABLE})

    assert _one_line(result).startswith("goalbot: cannot reach Slack to check SLACK_BOT_TOKEN:")


def test_run_without_an_app_token_or_signing_secret_names_socket_mode(run_goalbot, goalbot_env):
    result = run_goalbot("run", env=goalbot_env | {"SLACK_BOT_TOKEN": "xoxb-cli-test"})

    line = _one_line(result)
    for words in ("Socket Mode", "SLACK_APP_TOKEN", "xapp-", "goalbot serve", "SLACK_SIGNING_SECRET"):
        assert words in line
