"""PostgreSQL connections the server dropped (a restart, an idle timeout) are replaced, not served.

The pool pings only connections that sat idle (models/db.py); the list's version read, which runs
without that ping when busy, retries once on a fresh connection (models/list_versions.py).
"""

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from models import db
from models.list_versions import current_version

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)


def _drop_pooled_connection(engine: Engine) -> None:
    """Ends the pool's one connection from the server's side, as a restart would."""
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    admin = db.make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with admin.connect() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    finally:
        admin.dispose()


def test_an_idle_connection_the_server_dropped_is_replaced_before_use(engine, monkeypatch):
    _drop_pooled_connection(engine)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1


def test_the_version_read_retries_on_a_connection_dropped_while_busy(engine, monkeypatch):
    _drop_pooled_connection(engine)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)  # no ping: the statement finds out
    assert current_version(engine, "T0001") == 0


def test_a_connection_used_a_moment_ago_is_not_pinged(engine, monkeypatch):
    """No ping under load: the round trip it saves is the point. A drop then surfaces in the
    statement, which invalidates the pool, so the next checkout connects afresh."""
    _drop_pooled_connection(engine)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    with pytest.raises(DBAPIError) as dropped, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert dropped.value.connection_invalidated
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1
