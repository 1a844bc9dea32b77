"""Engines and sessions. SQLite is the zero-set-up default; PostgreSQL is production."""

import time

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

import models.list_version_events  # noqa: F401  (registers the session events)

# A pooled connection idle this long is pinged before use: the server may have restarted since.
# One busy a moment ago is not, which saves a round trip on every request under load; if the
# server went away in that moment, the failed statement invalidates the pool (SQLAlchemy's
# disconnect handling) and the next checkout connects afresh.
PING_AFTER_IDLE_SECONDS = 2.0
POOL_SIZE = 10


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Bolt runs listeners on worker threads, so the connection must cross threads.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A host that drops packets must fail /healthz and start-up quickly, not after the OS gives up.
    # gunicorn's 8 request threads and Bolt's 8 lazy-listener threads share one pool: connections
    # beyond pool_size are closed at checkin, so a pool smaller than the busy threads keeps
    # connecting afresh under load (a new PostgreSQL backend each time).
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=8, connect_args={"connect_timeout": 5})
    event.listen(engine, "checkin", _note_idle_since)
    event.listen(engine, "checkout", _ping_if_idle)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _note_idle_since(_dbapi_connection, record) -> None:
    if record is not None:
        record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    """pool_pre_ping for connections that sat idle: raising DisconnectionError makes the pool
    discard this one and connect afresh (connect_timeout keeps that quick on a dead host)."""
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_connection.rollback()  # the ping must not leave a transaction open
    except Exception as error:
        raise DisconnectionError(f"pooled connection is gone: {error}") from error


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Read models are built inside the transaction; nothing needs refreshing after commit.
    return sessionmaker(engine, expire_on_commit=False)
