"""Writing outbox rows once: INSERT … ON CONFLICT DO NOTHING on the delivery key;
and finding a person's prompt row by its key.

Two ticks (or a repeated one) planning the same prompt both try the insert; the key keeps one row
and neither fails. RETURNING tells which rows this call created, so summaries count only new work.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import islice
from typing import Any, cast

from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from models.checkins import Delivery
from models.dialect import insert_many_ignoring

_KEY = ("schedule_id", "user_id", "local_date", "kind", "sequence")
_TABLE = cast(Table, Delivery.__table__)


def insert_new_deliveries(
    session: Session, rows: Sequence[dict[str, Any]]
) -> list[tuple[int, DeliveryState, DeliveryKind]]:
    """(id, state, kind) of the rows that did not exist yet; every row needs the same keys."""
    created = insert_many_ignoring(
        session, _TABLE, list(_KEY), rows, [_TABLE.c.id, _TABLE.c.state, _TABLE.c.kind]
    )
    return [(row.id, DeliveryState(row.state), DeliveryKind(row.kind)) for row in created]


def insert_in_batches(
    session: Session, rows: Iterable[dict[str, Any]], *, batch: int = 500
) -> Counter[tuple[DeliveryState, DeliveryKind]]:
    """`insert_new_deliveries` over a stream, `batch` rows per statement, so the caller's memory is
    one batch however many rows come; counts the rows created, by (state, kind)."""
    created: Counter[tuple[DeliveryState, DeliveryKind]] = Counter()
    stream = iter(rows)
    while chunk := list(islice(stream, batch)):
        created.update((state, kind) for _, state, kind in insert_new_deliveries(session, chunk))
    return created


def delivery_row(
    team_id: str,
    schedule_id: int,
    user_id: str,
    local_date: Any,
    *,
    kind: DeliveryKind,
    sequence: int,
    state: DeliveryState,
    scheduled_at: Any,
    answered: bool = False,
) -> dict[str, Any]:
    return {
        "team_id": team_id,
        "schedule_id": schedule_id,
        "user_id": user_id,
        "local_date": local_date,
        "kind": kind,
        "sequence": sequence,
        "state": state,
        "scheduled_at": scheduled_at,
        "attempts": 0,
        "answered": answered,
    }


def prompt_query(schedule_id: int, user_id: str, local_date: date) -> Select[Delivery]:
    """The person's prompt row (sequence 0) of a schedule for a local date."""
    return select(Delivery).where(
        Delivery.schedule_id == schedule_id,
        Delivery.user_id == user_id,
        Delivery.local_date == local_date,
        Delivery.kind == DeliveryKind.PROMPT,
        Delivery.sequence == 0,
    )
