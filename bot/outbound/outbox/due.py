"""Which outbox rows are due, as SQL conditions: pending and past their time (and their retry's
wait), or `sending` under a claim older than LEASE (its sender died). rows.py claims by them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from bot.domain.outbox import LEASE, OutboxState
from models.dialect import skipping_locked

if TYPE_CHECKING:  # rows.py imports this module
    from bot.outbound.outbox.rows import OutboxTable


def pending(table: OutboxTable, now: datetime) -> ColumnElement[bool]:
    model = table.model
    return and_(
        model.state == OutboxState.PENDING,
        table.due_at <= now,
        or_(model.not_before.is_(None), model.not_before <= now),
    )


def expired(model: Any, now: datetime) -> ColumnElement[bool]:
    return and_(model.state == OutboxState.SENDING, model.claimed_at < now - LEASE)


def claimable(table: OutboxTable, now: datetime) -> ColumnElement[bool]:
    return or_(pending(table, now), expired(table.model, now))


def candidates(session: Session, table: OutboxTable, team_id: str, now: datetime, limit: int) -> list[int]:
    # Two index-friendly reads, expired claims first, rather than one OR across states.
    model, ids = table.model, list[int]()
    for due in (expired(model, now), pending(table, now)):
        if len(ids) >= limit:
            break
        query = (
            select(model.id)
            .where(model.team_id == team_id, due)
            .order_by(*table.order_by)
            .limit(limit - len(ids))
        )
        ids.extend(session.scalars(skipping_locked(session, query)))
    return ids
