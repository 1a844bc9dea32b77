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
