"""Runs the installed `goalbot` console script the way a user would, with a clean environment; and,
for verbs called in-process through cli.main, a migrated SQLite file as the only setting."""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from models.db import make_engine, make_sessionmaker
from models.migrate import upgrade
from tests.cli.environment import SETTING_NAMES, clean_env, with_slack_secrets


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


@pytest.fixture
def database(monkeypatch, tmp_path):
    """No setting from the test run's environment; DATABASE_URL a SQLite file migrated to head, whose
    sessions the test gets to seed it."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'goalbot.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    upgrade(engine)
    yield make_sessionmaker(engine)
    engine.dispose()
