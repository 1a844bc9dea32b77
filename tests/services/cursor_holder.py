"""Another planning pass holding a workspace's planning cursor (PostgreSQL), as a clock planning it
at the same moment would, and a pass run meanwhile that must not wait for it."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from bot.services.plan_cursors import Cursor, lock_cursors

R = TypeVar("R")
GIVE_UP = 10.0  # seconds: reached only if the pass waited for the holder


@contextmanager
def cursor_held(
    sessions: sessionmaker[Session], model: Cursor, team_id: str, initial: datetime
) -> Iterator[None]:
    """While the block runs, another transaction holds `team_id`'s cursor (FOR UPDATE); it lets go
    without planning anything, as a pass that failed would."""
    holding, release = threading.Event(), threading.Event()

    def other_pass() -> None:
        with sessions.begin() as session:
            lock_cursors(session, model, [team_id], initial, skip_locked=True)
            holding.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=other_pass)
    holder.start()
    try:
        assert holding.wait(timeout=GIVE_UP)
        yield
    finally:
        release.set()
        holder.join(timeout=GIVE_UP)


def without_waiting(work: Callable[[], R]) -> R:
    """`work()` run in a thread of its own; fails if it is still running after GIVE_UP seconds."""
    result: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: result.update(value=work()))
    worker.start()
    worker.join(timeout=GIVE_UP)
    assert not worker.is_alive(), "it waited for the pass holding the cursor"
    return result["value"]
