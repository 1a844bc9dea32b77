"""A counter per workspace that moves whenever anything `/goals list` shows may have changed.

The list's rendered pages are cached in each process (bot/services/list_cache.py); a page is
reused only while its workspace's counter is what it was when the page was read. The counter is
bumped in the same transaction as the change (models/list_version_events.py), so a process that
reads an unchanged counter knows that no committed write has touched the list since.

The row `EVERY_TEAM` is bumped by the rare statement whose workspaces cannot be told (a bulk UPDATE
or DELETE on the goals' tables whose WHERE names no team_id); every workspace's version includes
it. A bulk write that names its workspace bumps that workspace alone.
"""

from collections.abc import Iterable
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    CursorResult,
    Engine,
    Select,
    String,
    Table,
    bindparam,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base
from models.dialect import reading_outside_transaction, upsert_adding

# Not a Slack id (those are upper-case letters and digits), so it never names a workspace.
EVERY_TEAM = "*"


class ListVersion(Base):
    __tablename__ = "list_versions"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


def bump(session: Session, team_ids: Iterable[str]) -> None:
    """One more for each workspace, in a fixed order so two transactions never wait on each other."""
    table: Table = ListVersion.__table__  # type: ignore[assignment]
    for team_id in sorted(set(team_ids)):
        rows = [{"team_id": team_id, "version": 1}]
        session.execute(upsert_adding(session, table, ["team_id"], ["version"], rows))


def retire(session: Session, team_id: str) -> int:
    """Delete a workspace's counter (its purge) without its version ever going back: what it
    counted moves into EVERY_TEAM, plus one, so no page cached before is served after, even once
    the workspace is back and counting from 1. Every other workspace re-reads its pages once.
    Locks EVERY_TEAM's row before the workspace's, the order `bump` takes them in."""
    table: Table = ListVersion.__table__  # type: ignore[assignment]
    every = [{"team_id": EVERY_TEAM, "version": 1}]
    session.execute(upsert_adding(session, table, ["team_id"], ["version"], every))
    mine = select(table.c.version).where(table.c.team_id == team_id).with_for_update()
    version = session.scalar(mine)
    if version is None:
        return 0
    session.execute(
        update(table).where(table.c.team_id == EVERY_TEAM).values(version=table.c.version + version)
    )
    deleted = session.execute(delete(table).where(table.c.team_id == team_id))
    return cast(CursorResult[Any], deleted).rowcount


def current_version(engine: Engine, team_id: str) -> int:
    """The workspace's version, in one statement outside any transaction (one round trip).

    A connection the server dropped (a restart) is retried once on a fresh one: the read is
    idempotent, and the pool pings only connections that sat idle (models/db.py).
    """
    for attempt in (1, 2):
        try:
            with engine.connect() as connection:
                reading = reading_outside_transaction(connection)
                return reading.execute(_version_query(), {"team_id": team_id}).scalar_one()
        except DBAPIError as error:
            if attempt == 2 or not error.connection_invalidated:
                raise
    raise AssertionError("unreachable")


@cache
def _version_query() -> Select:
    table = ListVersion.__table__
    return select(func.coalesce(func.sum(table.c.version), 0)).where(
        table.c.team_id.in_([bindparam("team_id"), EVERY_TEAM])
    )
