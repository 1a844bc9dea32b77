"""The planning cursor of one workspace, created on first use and locked for the pass."""

from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from models.checkins import CheckinPlan
from models.dialect import insert_ignoring

_TABLE = cast(Table, CheckinPlan.__table__)


def lock_cursor(session: Session, team_id: str, initial: datetime) -> CheckinPlan:
    """The team's cursor row, locked (PostgreSQL) until the transaction ends, so two ticks planning
    the same workspace take turns and the second sees how far the first got."""
    session.execute(
        insert_ignoring(session, _TABLE, ["team_id"]).values(team_id=team_id, planned_until=initial)
    )
    query = select(CheckinPlan).where(CheckinPlan.team_id == team_id).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one()
