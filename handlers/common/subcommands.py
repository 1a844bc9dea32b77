"""The `/goals` subcommands other features answer, filled as each feature registers.

`/goals` is one slash command for every feature: handlers/goals parses it and answers its own
subcommands; the rest (`reminders`, `digest`, `report`: handlers/reports; `followups`, `export`:
handlers/followups) it hands to whichever feature added the parsed command's kind here, so the
goals package never imports another feature's listeners.
"""

from collections.abc import Callable
from dataclasses import dataclass
from types import UnionType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # handlers.deps holds the table, and the request holds the deps
    from handlers.common.request import GoalsRequest

Kinds = type | UnionType | tuple[type, ...]
Run = Callable[["GoalsRequest", Any], None]


@dataclass(frozen=True)
class _Route:
    kinds: Kinds
    run: Run
    database_only: Kinds


class Subcommands:
    """Parsed command kind → the feature's `run(request, parsed)`."""

    def __init__(self) -> None:
        self._routes: list[_Route] = []

    def add(self, kinds: Kinds, run: Run, *, database_only: Kinds = ()) -> None:
        """`database_only`: kinds answered from the database alone, in the ack (no lazy listener)."""
        self._routes.append(_Route(kinds, run, database_only))

    def run_for(self, parsed: object) -> Run | None:
        return next((route.run for route in self._routes if isinstance(parsed, route.kinds)), None)

    def answers_from_database(self, parsed: object) -> bool:
        return any(isinstance(parsed, route.database_only) for route in self._routes)
