"""Dialect-specific SQL lives in models/dialect.py: no other module branches on the dialect or
builds a dialect's statements itself (insert-or-ignore, upsert, skip-locked claims, autocommit)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("bot", "handlers", "models")
DIALECT_SQL = re.compile(r"dialect\.name|sqlalchemy\.dialects|from sqlalchemy import .*\bdialects\b")
# Where the dialect is the point: the helpers themselves, the engine's set-up, migrations.
ALLOWED = {"models/dialect.py", "models/db.py", "models/migrate.py"}
ALLOWED_UNDER = ("models/migrations/",)
# The outbox claims, being rewritten into one engine on models/dialect.py; the allowance goes then.


def _branching_modules() -> set[str]:
    found = set()
    for top in SCANNED:
        for path in (ROOT / top).rglob("*.py"):
            if DIALECT_SQL.search(path.read_text(encoding="utf-8")):
                found.add(path.relative_to(ROOT).as_posix())
    return found


def test_the_pattern_finds_the_helpers_themselves() -> None:
    # Guards the guard: a pattern that matched nothing would pass every module.
    assert "models/dialect.py" in _branching_modules()


def test_no_module_outside_models_dialect_writes_dialect_specific_sql() -> None:
    offenders = sorted(
        module
        for module in _branching_modules()
        if module not in ALLOWED and not module.startswith(ALLOWED_UNDER)
    )
    assert offenders == [], f"use models/dialect.py (or add a helper there) instead, in: {offenders}"


def test_lock_until_commit_serializes_read_then_write_across_connections(engine) -> None:
    # Each thread reads a number and writes it plus one, in a transaction of its own on a
    # connection of its own: without the lock two read the same number and one increment is lost
    # (PostgreSQL) or the second writer fails to upgrade its read lock (SQLite).
    import threading

    from sqlalchemy import insert, select, update

    from models.dialect import lock_until_commit
    from models.installations import bots

    with engine.begin() as connection:
        connection.execute(insert(bots).values(client_id="c", app_id="A", team_id="T1", bot_scopes="0"))
    threads, start, errors = 6, threading.Barrier(6), []

    def increment() -> None:
        start.wait()
        try:
            with engine.begin() as connection:
                lock_until_commit(connection, "counter:T1", bots)
                counter, mine = bots.c.bot_scopes, bots.c.team_id == "T1"
                seen = int(connection.scalar(select(counter).where(mine)))
                connection.execute(update(bots).where(mine).values({counter: str(seen + 1)}))
        except Exception as error:
            errors.append(error)

    running = [threading.Thread(target=increment) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=60)

    assert errors == []
    with engine.connect() as connection:
        assert connection.scalar(select(bots.c.bot_scopes)) == str(threads)
