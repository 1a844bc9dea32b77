"""Planning cursors (`checkin_plans`, `report_cursors`): one row per workspace, the `now` of its
last planning pass; the next pass plans `(planned_until, now]`.

A pass plans a group of workspaces per transaction: it locks their cursors first (`lock_cursors`,
FOR UPDATE on PostgreSQL, in team order, so two ticks locking the same teams take turns and cannot
deadlock), reads what it plans from under them and moves them all at the end (`move_cursors`).
With `skip_locked` a pass leaves a cursor another pass holds to that pass (FOR UPDATE SKIP LOCKED):
clocks ticking at once plan different groups side by side instead of waiting for each other. With
`behind` it leaves out cursors already at that instant (another pass planned them a moment ago), so
a clock that comes to a group after another has planned it locks and reads nothing for it.
"""

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from models.checkins import CheckinPlan
from models.dialect import insert_ignoring, skipping_locked
from models.reports import ReportCursor

Cursor = type[CheckinPlan] | type[ReportCursor]
CHUNK = 500  # team ids per IN list


def chunks(team_ids: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(team_ids), size):
        yield team_ids[start : start + size]


def lock_cursors(
    session: Session,
    model: Cursor,
    team_ids: Sequence[str],
    initial: datetime,
    *,
    skip_locked: bool = False,
    behind: datetime | None = None,
) -> dict[str, datetime]:
    """The teams' cursors, created at `initial` if missing, locked until the transaction ends; with
    `skip_locked`, those another transaction holds are left out (PostgreSQL; SQLite has one writer);
    with `behind`, so are those not before it."""
    table = cast(Table, model.__table__)
    wanted = sorted(team_ids)
    if not wanted:
        return {}
    statement = insert_ignoring(session, table, ["team_id"])
    session.execute(statement, [{"team_id": team_id, "planned_until": initial} for team_id in wanted])
    query = (
        select(model.team_id, model.planned_until).where(model.team_id.in_(wanted)).order_by(model.team_id)
    )
    if behind is not None:
        query = query.where(model.planned_until < behind)
    locked = skipping_locked(session, query) if skip_locked else query.with_for_update()
    return {team_id: at for team_id, at in session.execute(locked)}


def move_cursors(session: Session, model: Cursor, team_ids: Sequence[str], now: datetime) -> None:
    """Moves locked (or existing) cursors forward to `now`; never back."""
    for chunk in chunks(sorted(team_ids)):
        session.execute(
            update(model)
            .where(model.team_id.in_(chunk), model.planned_until < now)
            .values(planned_until=now)
            .execution_options(synchronize_session=False)
        )
