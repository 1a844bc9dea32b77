"""The few statements whose SQL differs between SQLite and PostgreSQL, written once.

Insert-or-ignore, additive upsert, updating many rows by key, skip-locked claims, reads outside a
transaction and a lock held until the transaction ends are the only dialect-specific SQL goalbot
needs; every module builds them here instead of branching on the dialect itself
(tests/models/test_dialect_sql.py holds the rest of the code to that).
"""

import hashlib
from collections.abc import Collection, Sequence
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    any_,
    bindparam,
    false,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import QueryableAttribute, Session, sessionmaker

Insert = postgresql.Insert | sqlite.Insert
_Ts = TypeVarTuple("_Ts")


def insert_for(session: Session, table: Table) -> Insert:
    """INSERT for the session's database, with ON CONFLICT clauses available on both."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"goalbot runs on SQLite or PostgreSQL, not {dialect}")  # pragma: no cover


def insert_ignoring(session: Session, table: Table, key: list[str]) -> Insert:
    """INSERT … ON CONFLICT (key) DO NOTHING: a row whose key exists is left as it is."""
    return insert_for(session, table).on_conflict_do_nothing(index_elements=key)


def insert_many_ignoring(
    session: Session,
    table: Table,
    key: list[str],
    rows: Sequence[dict[str, Any]],
    returning: Sequence[ColumnElement[Any]],
) -> Sequence[Row[Any]]:
    """`insert_ignoring` of many rows (all with the same keys), RETURNING `returning` of the rows
    it created. On PostgreSQL the rows go as one array per column (INSERT … SELECT unnest(…)): the
    statement's text is the same however many rows, so it is built and prepared once, not written
    out with a placeholder per value each time (500 rows of 10 columns: ~10× the CPU)."""
    if not rows:
        return []
    if session.get_bind().dialect.name != "postgresql":
        return session.execute(insert_ignoring(session, table, key).returning(*returning), list(rows)).all()
    statement = postgresql.insert(table).from_select(list(rows[0]), _unnested(table, rows))
    return session.execute(statement.on_conflict_do_nothing(index_elements=key).returning(*returning)).all()


def update_many_matching(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    match: Sequence[str],
    set_from_rows: Sequence[str],
    where: Sequence[ColumnElement[bool]] = (),
    values: dict[str, Any] | None = None,
) -> set[Any]:
    """UPDATE each of `rows` (all with the same keys): the table's row whose `match` columns equal
    the row's, if `where` holds too, gets the row's `set_from_rows` columns and `values`. Returns
    the first match column's values of the rows changed. PostgreSQL: one UPDATE … FROM the rows
    unnested from one array per column (one statement whatever their number); SQLite: a read of
    the rows that match, then one executemany."""
    if not rows:
        return set()
    key = match[0]
    if session.get_bind().dialect.name == "postgresql":
        given = _unnested(table, rows).subquery("given")
        statement = (
            update(table)
            .where(*(table.c[name] == given.c[name] for name in match), *where)
            .values({name: given.c[name] for name in set_from_rows} | (values or {}))
            .returning(table.c[key])
        )
        return set(session.execute(statement).scalars())
    # SQLite has one writer: the rows matching now are those the executemany below changes.
    matching = select(*(table.c[name] for name in match)).where(
        table.c[key].in_([row[key] for row in rows]), *where
    )
    found = {tuple(found) for found in session.execute(matching)}
    changing = [row for row in rows if tuple(row[name] for name in match) in found]
    if changing:
        each = (
            update(table)
            .where(*(table.c[name] == bindparam(f"match_{name}") for name in match), *where)
            .values({name: bindparam(f"set_{name}") for name in set_from_rows} | (values or {}))
        )
        params = [
            {f"match_{name}": row[name] for name in match}
            | {f"set_{name}": row[name] for name in set_from_rows}
            for row in changing
        ]
        session.connection().execute(each, params)
    return {row[key] for row in changing}


def _unnested(table: Table, rows: Sequence[dict[str, Any]]) -> Select[Any]:
    """SELECT unnest(…) of one array per column: the rows as a table whose statement text is the
    same however many rows, so it is built and prepared once."""
    return select(
        *(
            func.unnest(
                bindparam(
                    f"{name}_values", [row[name] for row in rows], type_=postgresql.ARRAY(table.c[name].type)
                )
            ).label(name)
            for name in rows[0]
        )
    )


def one_of(
    session: Session, column: ColumnElement[Any] | QueryableAttribute[Any], values: Collection[Any]
) -> ColumnElement[bool]:
    """`column IN (values)`. On PostgreSQL `column = ANY(:array)`, one parameter however many values:
    an IN list is written out with a placeholder per value, and the SQL for a claim's 800 ids cost
    more CPU to render, split and send than the claim's own work."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
    return column.in_(values)


def upsert_adding(
    session: Session, table: Table, key: list[str], counts: list[str], rows: list[dict[str, Any]]
) -> Any:
    """INSERT … ON CONFLICT (key) DO UPDATE SET count = count + excluded.count, for each of `counts`."""
    insert = insert_for(session, table).values(rows)
    return insert.on_conflict_do_update(
        index_elements=key, set_={name: table.c[name] + insert.excluded[name] for name in counts}
    )


def skipping_locked(session: Session, query: Select[*_Ts]) -> Select[*_Ts]:
    """FOR UPDATE SKIP LOCKED on PostgreSQL, so concurrent claimers take different rows; SQLite
    has one writer at a time, so the claim's conditional UPDATE is what keeps it exact there."""
    if session.get_bind().dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True)
    return query


def reading_outside_transaction(connection: Connection) -> Connection:
    """A connection for one read with no BEGIN and no ROLLBACK round trips on PostgreSQL (psycopg
    switches autocommit on the client side); SQLite's reads cost no round trip either way."""
    if connection.dialect.name == "postgresql":
        return connection.execution_options(isolation_level="AUTOCOMMIT")
    return connection


def has_one_writer(sessions: sessionmaker[Session]) -> bool:
    """SQLite writes one transaction at a time: threads that write would only queue for it."""
    bind = sessions.kw.get("bind")
    return bind is not None and bind.dialect.name == "sqlite"


def lock_until_commit(connection: Connection, key: str, table: Table) -> None:
    """Waits for, then holds until the transaction ends, a lock on `key`: whoever runs this with
    the same key after us waits for our commit and then reads what we wrote.

    PostgreSQL: a transaction-level advisory lock on the key's hash (only that key's holders wait;
    rows may be inserted or replaced meanwhile). SQLite: the database's write lock, taken now by an
    UPDATE of `table` that changes nothing (pysqlite begins the transaction at a write); SQLite has
    one writer at a time, so this serializes all writers, which is what it does anyway."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(_lock_number(key))))
        return
    column = next(iter(table.primary_key.columns))
    connection.execute(update(table).where(false()).values({column.name: column}))


def _lock_number(key: str) -> int:
    # pg_advisory_xact_lock takes a bigint: the first 8 bytes of a stable hash, signed.
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
