"""Planning cursors (`checkin_plans`, `report_cursors`): one row per workspace, the `now` of its
last planning pass; the next pass plans `(planned_until, now]`.

A pass plans a group of workspaces per transaction: it locks their cursors first (`lock_cursors`,
FOR UPDATE on PostgreSQL, in team order, so two ticks locking the same teams take turns and cannot
deadlock), reads what it plans from under them and moves them all at the end (`move_cursors`).
"""

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from models.checkins import CheckinPlan
from models.dialect import insert_ignoring
from models.reports import ReportCursor

Cursor = type[CheckinPlan] | type[ReportCursor]
CHUNK = 500  # team ids per IN list


def chunks(team_ids: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(team_ids), size):
        yield team_ids[start : start + size]


def lock_cursors(
    session: Session, model: Cursor, team_ids: Sequence[str], initial: datetime
) -> dict[str, datetime]:
    """The teams' cursors, created at `initial` if missing, locked until the transaction ends."""
    table = cast(Table, model.__table__)
    wanted = sorted(team_ids)
    if not wanted:
        return {}
    statement = insert_ignoring(session, table, ["team_id"])
    session.execute(statement, [{"team_id": team_id, "planned_until": initial} for team_id in wanted])
    query = select(model.team_id, model.planned_until).where(model.team_id.in_(wanted))
    return {team_id: at for team_id, at in session.execute(query.order_by(model.team_id).with_for_update())}


def move_cursors(session: Session, model: Cursor, team_ids: Sequence[str], now: datetime) -> None:
    """Moves locked (or existing) cursors forward to `now`; never back."""
    for chunk in chunks(sorted(team_ids)):
        session.execute(
            update(model)
            .where(model.team_id.in_(chunk), model.planned_until < now)
            .values(planned_until=now)
            .execution_options(synchronize_session=False)
        )
