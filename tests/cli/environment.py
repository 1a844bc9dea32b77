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
    "UNINSTALL_RETENTION_DAYS",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_AUTHORIZE_URL",
    "SLACK_REDIRECT_URI",
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
    """A loopback port for a server started later (`goalbot serve --port`), reserved against other
    test processes (pytest-xdist workers) until then: a port that was merely free can be handed to
    another worker's bind(0) before our server binds it. One connection, closed by the accepting
    side first, leaves the port in TIME_WAIT for a minute: the kernel hands it to no bind(0), while
    a server that sets SO_REUSEADDR (gunicorn does) can still bind it."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        address = listener.getsockname()
        with socket.create_connection(address) as client:
            accepted, _ = listener.accept()
            accepted.close()
            client.recv(1)  # the close has reached the client: TIME_WAIT is on the port's side
        return address[1]
