"""Each Procfile process points at something that exists: an importable factory or a real verb."""

import importlib
import shlex
from pathlib import Path

import pytest

from bot.entrypoints.cli import build_parser

PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"


def _processes() -> dict[str, list[str]]:
    processes = {}
    for line in PROCFILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            processes[name.strip()] = shlex.split(command)
    return processes


def test_procfile_has_web_clock_and_release():
    assert set(_processes()) == {"web", "clock", "release"}


def test_web_is_gunicorn_on_the_wsgi_factory_with_threads():
    command = _processes()["web"]

    assert command[0] == "gunicorn"
    [target] = [arg for arg in command[1:] if ":" in arg and not arg.startswith(("-", "0.0.0.0"))]
    module, call = target.split(":")
    assert call.endswith("()")
    assert callable(getattr(importlib.import_module(module), call.removesuffix("()")))
    assert command[command.index("--worker-class") + 1] == "gthread"
    assert int(command[command.index("--threads") + 1]) > 1
    assert command[command.index("--bind") + 1] == "0.0.0.0:$PORT"


@pytest.mark.parametrize(("process", "verb"), [("clock", ["clock"]), ("release", ["db", "upgrade"])])
def test_other_processes_are_goalbot_verbs(process, verb):
    command = _processes()[process]

    assert command[0] == "goalbot"
    assert command[1:] == verb
    build_parser().parse_args(command[1:])  # exits (SystemExit) if the verb does not exist
