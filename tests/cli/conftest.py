"""Runs the installed `goalbot` console script the way a user would, with a clean environment."""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.environment import clean_env, with_slack_secrets


@pytest.fixture(scope="session")
def goalbot_script() -> str:
    script = Path(sys.executable).with_name("goalbot")
    if not script.exists():
        pytest.fail(f"{script} is missing; install the project first: pip install -e '.[dev]'")
    return str(script)


@pytest.fixture
def goalbot_env(tmp_path: Path) -> dict[str, str]:
    return clean_env(tmp_path)


@pytest.fixture
def http_env(goalbot_env: dict[str, str]) -> dict[str, str]:
    return with_slack_secrets(goalbot_env)


@pytest.fixture
def run_goalbot(goalbot_script: str, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    def run(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            [goalbot_script, *args],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run
