"""Which outbox rows are due, as SQL conditions: pending and past their time (and their retry's
wait), or `sending` under a claim older than LEASE (its sender died). claims.py claims by them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, or_

from bot.domain.outbox import LEASE, OutboxState

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
