"""Start-up's check of the schema (`ensure_ready`): a fresh SQLite file migrated, a PostgreSQL
schema not at head refused, and what migrating leaves behind on each backend."""

import pytest
from sqlalchemy import Engine, inspect

from models.migrate import (
    NotMigratedError,
    current_revision,
    ensure_ready,
    head_revision,
    is_at_head,
    upgrade,
)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_ensure_ready_migrates_a_fresh_sqlite_file(empty_engine: Engine) -> None:
    ensure_ready(empty_engine)
    assert is_at_head(empty_engine)
    ensure_ready(empty_engine)  # and is harmless once there


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_foreign_keys_are_back_on_after_migrating(empty_engine: Engine) -> None:
    # Migrating switches them off (see models.migrate._migrating); the pooled connection must not keep that.
    upgrade(empty_engine)
    with empty_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_ensure_ready_refuses_a_postgres_schema_that_is_not_at_head(empty_engine: Engine) -> None:
    head = head_revision()
    with pytest.raises(NotMigratedError) as raised:
        ensure_ready(empty_engine)
    assert str(raised.value) == (
        f"The database is not migrated to the latest schema (at nothing, need {head}). "
        "Run `goalbot db upgrade` first."
    )
    assert current_revision(empty_engine) is None  # it only checked

    upgrade(empty_engine)
    ensure_ready(empty_engine)

    with empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_older'")
    with pytest.raises(NotMigratedError, match=f"at 0000_older, need {head}"):
        ensure_ready(empty_engine)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_each_postgres_test_migrates_a_schema_of_its_own(engine: Engine) -> None:
    with engine.connect() as connection:
        schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
    assert schema.startswith("t_")
    assert inspect(engine).has_table("alembic_version", schema=schema)
