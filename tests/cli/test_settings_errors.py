"""A bad setting stops every verb with exit 2 and one line that names it; never a traceback."""

import pytest


def _assert_one_line_naming(result, name: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("goalbot: ")
    assert name in lines[0]


@pytest.mark.parametrize(
    ("name", "value", "verb"),
    [
        ("PORT", "abc", ["serve"]),
        ("DEFAULT_TIMEZONE", "Mars/Base", ["serve"]),
        ("SLACK_BOT_TOKEN", "nope", ["serve"]),
        ("SLACK_APP_TOKEN", "nope", ["run"]),
        ("DATABASE_URL", "garbage", ["db", "upgrade"]),
        ("DATABASE_URL", "garbage", ["serve"]),
        ("SLACK_API_BASE_URL", "slack.com/api", ["clock"]),
        ("LOG_LEVEL", "LOUD", ["serve"]),
        ("LOG_LEVEL", "verbose", ["tick"]),
        ("LOG_LEVEL", "LOUD", ["console"]),
        ("SEND_RATE_PER_WORKSPACE", "fast", ["tick"]),
        ("SEND_RATE_PER_WORKSPACE", "0", ["clock"]),
    ],
)
def test_malformed_setting(run_goalbot, http_env, name, value, verb):
    _assert_one_line_naming(run_goalbot(*verb, env=http_env | {name: value}), name)


@pytest.mark.parametrize("missing", ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"])
@pytest.mark.parametrize("verb", ["serve", "run"])
def test_http_needs_both_slack_secrets(run_goalbot, http_env, missing, verb):
    env = {key: value for key, value in http_env.items() if key != missing}

    _assert_one_line_naming(run_goalbot(verb, env=env), missing)


def test_socket_mode_needs_the_bot_token(run_goalbot, goalbot_env):
    env = goalbot_env | {"SLACK_APP_TOKEN": "xapp-1-test"}

    _assert_one_line_naming(run_goalbot("run", env=env), "SLACK_BOT_TOKEN")


def test_port_flag_overrides_a_bad_port_setting(run_goalbot, goalbot_env):
    # --port wins over PORT, so the next problem reported is the missing token, not PORT.
    result = run_goalbot("serve", "--port", "3999", env=goalbot_env | {"PORT": "abc"})

    _assert_one_line_naming(result, "SLACK_BOT_TOKEN")
