"""The SQL a block of code runs, as the database driver receives it (for tests that a read is
skipped or made once)."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker


@contextmanager
def statements_on(engine: Engine) -> Iterator[list[str]]:
    """The statements `engine` runs while the block runs, in order."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def statements(sessions: sessionmaker[Session]) -> Iterator[list[str]]:
    """The statements the sessions' engine runs while the block runs, in order."""
    with statements_on(sessions.kw["bind"]) as seen:
        yield seen
