"""Console fixtures: scripted sessions through run_console on a database of the test's own.

- `console_settings`: Settings on the `database_url` fixture (tests/fixtures/database.py).
- `run_script(script, app_factory=None)` → (exit status, everything printed): the script is
  piped in as on a non-terminal stdin; the clock is fixed at FIXED_NOW.
- `run_standin(script)` → (exit status, output, what the stand-in listeners were handed).
- `Respondent`: a stdin that behaves like a person at a terminal, answering modal fields by
  their label, so a test need not know the order of a modal's fields.
"""

import io
import re
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.entrypoints.console import run_console
from bot.settings import Settings
from tests.console.standin_app import build_standin_app

FIXED_NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def console_settings(database_url: str, engine) -> Settings:
    # `engine` migrates the database first: only SQLite migrates itself; Postgres must be at head.
    return Settings(database_url=database_url, default_timezone="Europe/London")


@pytest.fixture
def run_script(console_settings: Settings) -> Callable[..., tuple[int, str]]:
    def run(script: str | io.TextIOBase, *, app_factory=None) -> tuple[int, str]:
        stdin = io.StringIO(textwrap.dedent(script)) if isinstance(script, str) else script
        stdout = getattr(script, "stdout", None) or io.StringIO()  # Respondent, LiveScript: their own
        code = run_console(
            console_settings, stdin=stdin, stdout=stdout, clock=lambda: FIXED_NOW, app_factory=app_factory
        )
        return code, stdout.getvalue()

    return run


@pytest.fixture
def run_standin(run_script) -> Callable[[str], tuple[int, str, list]]:
    def run(script: str) -> tuple[int, str, list]:
        built = []

        def factory(*args, **kwargs):
            built.append(build_standin_app(*args, **kwargs))
            return built[0]

        code, output = run_script(script, app_factory=factory)
        return code, output, built[0].seen

    return run


class Respondent(io.TextIOBase):
    """Reads like a terminal (isatty), so the console prints its prompts; answers by prompt.

    At the shell prompt it types the next command; at a field prompt it answers the first rule
    whose pattern matches the field's label (or keeps the value shown); [y/N] gets "y".
    """

    def __init__(self, commands: list[str], answers: dict[str, str] | None = None) -> None:
        self.stdout = io.StringIO()
        self.commands = list(commands)
        self.answers = answers or {}
        self.answered: list[tuple[str, str]] = []
        self._read_to = 0
        self._label = ""

    def isatty(self) -> bool:
        return True

    def readline(self, size: int = -1) -> str:
        printed = self.stdout.getvalue()
        since, self._read_to = printed[self._read_to :], len(printed)
        if since.endswith("[y/N] "):
            return "y\n"
        if re.search(r"@#[\w-]+> $", since) or not since.endswith("> "):
            return self.commands.pop(0) + "\n" if self.commands else ""
        if len(self.answered) >= 100:
            return ""  # a console that keeps asking ends the session instead of the test
        labels = [line for line in since.splitlines() if line and not line.startswith(" ")]
        if len(labels) >= 2:  # the last one is the "> " prompt; no label means the field is asked again
            self._label = labels[-2]
        rules = self.answers.items()
        answer = next((a for pattern, a in rules if re.search(pattern, self._label, re.I)), "")
        self.answered.append((self._label, answer))
        return answer + "\n"
