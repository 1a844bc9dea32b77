"""What every process checks before it starts work, each failure said in one line (no traceback)."""

import os

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from bot.entrypoints.health import sqlite_path
from bot.settings import Settings
from models.db import make_engine


class StartupError(Exception):
    """One human line saying why the process cannot start (an unreachable or un-migrated database)."""


def unreachable_reason(engine: Engine) -> str | None:
    """None when a `SELECT 1` works; otherwise the first line of the driver's complaint."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        lines = str(cause).strip().splitlines()
        return lines[0] if lines else type(cause).__name__
    return None


def connect(settings: Settings, *, create: bool = True) -> Engine:
    """An engine for DATABASE_URL that has answered once, or StartupError.

    With create=False a missing SQLite file is an error: SQLite would otherwise create an empty
    one just by being asked about it (`goalbot db current`).
    """
    url = settings.database_url
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StartupError(
            f"DATABASE_URL names a database driver that is not available ({error}); "
            "use sqlite:///goalbot.db or postgresql+psycopg://user:password@host/db."
        ) from None
    path = sqlite_path(engine)
    if not create and path is not None and not os.path.exists(path):
        engine.dispose()
        raise StartupError(
            f"the SQLite database {path} (DATABASE_URL) does not exist; `goalbot db upgrade` creates it."
        )
    reason = unreachable_reason(engine)
    if reason is not None:
        engine.dispose()
        shown = make_url(url).render_as_string(hide_password=True)
        raise StartupError(f"cannot reach the database at DATABASE_URL={shown}: {reason}")
    return engine


def open_database(settings: Settings) -> Engine:
    """`connect`, then models.migrate.ensure_ready: SQLite migrates itself, others must be at head."""
    from models.migrate import NotMigratedError, ensure_ready

    engine = connect(settings)
    try:
        ensure_ready(engine)
    except NotMigratedError as error:
        raise StartupError(str(error)) from None
    finally:
        # Leave the pool empty so the engine can cross a fork into gunicorn's worker.
        engine.dispose()
    return engine
