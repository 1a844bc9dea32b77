import os
import pathlib

import pytest

from tests.faketime_sleep import sleep_without_clock_nanosleep

# Before the fixture plugins import the bot, which binds time.sleep as a default argument.
sleep_without_clock_nanosleep()

# Fixture plugins, one per concern; each module documents what it provides.
_FIXTURES = pathlib.Path(__file__).parent / "fixtures"
pytest_plugins = sorted(
    f"tests.fixtures.{path.stem}" for path in _FIXTURES.glob("*.py") if path.stem != "__init__"
)

# pytest-xdist workers for a run of whole folders (the README's `pytest` is one). Most of the suite
# waits on sockets (the stand-in, the bot's HTTP server, gunicorn, PostgreSQL), so more workers
# than cores keep both cores busy; 4 is a first choice, not yet compared with 2 or 6 on the whole
# suite (the shared machine's load made such timings noise).
WORKERS = 4


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Spreads a run of folders over WORKERS processes (pytest-xdist, --dist worksteal). Not set
    in pyproject's addopts so that `-p no:xdist` still works; `-n 0` (or any -n), --pdb, or
    naming files or tests (debugging one) keep the run in this process."""
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return
    if config.option.numprocesses is not None or config.option.usepdb:
        return
    if not all(os.path.isdir(arg) for arg in config.args):
        return
    config.option.numprocesses = WORKERS
    if config.option.dist == "no":
        # Tests last from milliseconds to half a minute: an idle worker takes queued tests from a
        # busy one, so no worker is left with a queue of slow ones at the end.
        config.option.dist = "worksteal"
