"""Environments for running `goalbot` as a user would: no goalbot setting leaks in from the developer's."""

import os
import socket
from pathlib import Path

SETTING_NAMES = {
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_BASE_URL",
    "DATABASE_URL",
    "PORT",
    "DEFAULT_TIMEZONE",
    "SEND_RATE_PER_WORKSPACE",
}
SIGNING_SECRET = "cli-test-signing-secret"


def clean_env(folder: Path) -> dict[str, str]:
    """The environment minus every goalbot setting, plus a SQLite file in `folder`."""
    env = {key: value for key, value in os.environ.items() if key.upper() not in SETTING_NAMES}
    env["DATABASE_URL"] = f"sqlite:///{folder / 'goalbot.db'}"
    return env


def with_slack_secrets(env: dict[str, str]) -> dict[str, str]:
    return env | {"SLACK_BOT_TOKEN": "xoxb-cli-test", "SLACK_SIGNING_SECRET": SIGNING_SECRET}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
