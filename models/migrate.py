"""Schema migrations run from code: the CLI, the app and the tests share these.

Alembic is configured here rather than in an alembic.ini, so an installed goalbot can
migrate its own database. To draft a new revision against a scratch database:

    from models.migrate import alembic_config
    from alembic import command
    command.upgrade(alembic_config("sqlite:///draft.db"), "head")
    command.revision(alembic_config("sqlite:///draft.db"), "add checkins",
                     autogenerate=True, rev_id="0002_add_checkins")

then read the draft and tidy it by hand.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

SCRIPT_LOCATION = "models:migrations"


class NotMigratedError(RuntimeError):
    """The database's schema is behind the code's; production databases are migrated on purpose."""


def alembic_config(engine_or_url: Engine | str | None = None) -> Config:
    """An Alembic Config for our scripts; the URL is only used when no connection is passed in."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("path_separator", "os")
    # Revision files are named by their id alone, e.g. versions/0002_add_checkins.py.
    config.set_main_option("file_template", "%%(rev)s")
    if engine_or_url is not None:
        if isinstance(engine_or_url, Engine):
            url = engine_or_url.url.render_as_string(hide_password=False)
        else:
            url = str(engine_or_url)
        # Config options go through ConfigParser interpolation; URL escapes such as %3D must survive.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _migrating(engine) as config:
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade to `revision`; "base" drops every table (only alembic_version stays)."""
    with _migrating(engine) as config:
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts found in {SCRIPT_LOCATION}")
    return head


def is_at_head(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def ensure_ready(engine: Engine) -> None:
    """Make sure the schema matches the code before serving.

    SQLite is the zero-set-up default, so it migrates itself. Any other database is shared
    and may hold data worth a backup first, so it must already be migrated; otherwise this
    stops with one line saying what to run.
    """
    if engine.dialect.name == "sqlite":
        upgrade(engine)
        return
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise NotMigratedError(
            f"The database is not migrated to the latest schema (at {current or 'nothing'}, "
            f"need {head}). Run `goalbot db upgrade` first."
        )


@contextmanager
def _migrating(engine: Engine) -> Iterator[Config]:
    """One connection, committed once, handed to env.py through config.attributes.

    On SQLite, foreign keys are switched off while migrating: batch mode rebuilds a table
    by copying it and dropping the original, and with foreign keys on, that DROP would run
    ON DELETE CASCADE on every child row. The pragma only works outside a transaction, so
    it is set before anything is written and restored after the commit.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        foreign_keys = 0
        if sqlite:
            foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar() or 0
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        try:
            yield config
            if sqlite:
                _check_foreign_keys(connection)
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql(f"PRAGMA foreign_keys={int(bool(foreign_keys))}")
                connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        raise RuntimeError(f"migration left rows with dangling foreign keys in: {', '.join(tables)}")
