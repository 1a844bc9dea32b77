"""Reading lines and writing output, on a terminal or on pipes.

On a terminal the console shows prompts, dims context lines and offers line editing. On pipes it
prints only what goalbot and the console say, so a piped script yields a clean transcript.
"""

import contextlib
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.entrypoints.console.render import Line

_STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Terminal:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin, self.stdout = stdin, stdout
        self.interactive = _isatty(stdin)
        self._color = _isatty(stdout)
        # input() gives history and line editing, but only for the real terminal.
        self._use_input = self.interactive and stdin is sys.stdin and stdout is sys.stdout
        if self._use_input:
            with contextlib.suppress(ImportError):
                import readline  # noqa: F401 - importing it is what turns line editing on

    def ask(self, prompt: str) -> str | None:
        """One line without its newline, or None at end of input."""
        if self._use_input:
            try:
                return input(prompt)
            except EOFError:
                self.say()
                return None
        if self.interactive:
            self._write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return line.rstrip("\r\n")

    def say(self, text: str = "", style: str = "") -> None:
        if self._color and style in _STYLES and text:
            text = f"{_STYLES[style]}{text}{_RESET}"
        self._write(text + "\n")

    def show(self, lines: Iterable[Line], indent: str = "") -> None:
        for line in lines:
            self.say(indent + line.text if line.text else "", line.style)
        self.stdout.flush()

    def _write(self, text: str) -> None:
        try:
            self.stdout.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self.stdout, "encoding", None) or "ascii"
            self.stdout.write(text.encode(encoding, "replace").decode(encoding))
