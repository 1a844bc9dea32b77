"""GET /healthz: is the database this process serves still there, and still goalbot's?

`SELECT 1` alone is not enough on SQLite: after the file is deleted, an open connection keeps
answering from the unlinked inode, and a fresh connection silently creates an empty file. So for
SQLite the file must exist and be the same file (device and inode) as at start-up, and a query
against a goalbot table must work; for other databases the table query is the check.
"""

import os
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from models.events import ProcessedEvent


@dataclass(frozen=True)
class DatabaseHealth:
    engine: Engine
    # (st_dev, st_ino) of the SQLite file when the process started; None for other databases.
    identity: tuple[int, int] | None

    @classmethod
    def of(cls, engine: Engine) -> "DatabaseHealth":
        path = sqlite_path(engine)
        return cls(engine, _identity(path) if path else None)

    def problem(self) -> str | None:
        """None when healthy; otherwise one line for the log."""
        path = sqlite_path(self.engine)
        if path is not None:
            identity = _identity(path)
            if identity is None:
                return f"the SQLite file {path} is gone"
            if self.identity is not None and identity != self.identity:
                return f"the SQLite file {path} was replaced since start-up"
        try:
            with self.engine.connect() as connection:
                connection.execute(select(ProcessedEvent.id).limit(1))
        except SQLAlchemyError as error:
            cause = getattr(error, "orig", None) or error
            lines = str(cause).strip().splitlines()
            return lines[0] if lines else type(cause).__name__
        return None


def sqlite_path(engine: Engine) -> str | None:
    """The file of a file-backed SQLite database, else None (in-memory or another dialect)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return os.path.abspath(url.database)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino
