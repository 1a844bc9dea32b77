"""Measurements that can be trusted: targets track their root objective's metric,
measurements keep the workspace's date they were recorded on, and can be undone.

- objectives.tracks_objective_id: a broken-down target's link to the objective whose metric it
  tracks (measurements are stored once, on that root). Older break-downs keep their own copies.
- measurements.recorded_on: the workspace's local date; existing rows take their UTC date.
- measurements.undone_at / undone_by: an undone measurement is kept but counts for nothing.

Revision ID: 0002_measurements
Revises: 0001_initial
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002_measurements"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("objectives") as batch:
        batch.add_column(sa.Column("tracks_objective_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_objectives_tracks_objective_id_objectives",
            "objectives",
            ["tracks_objective_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_objectives_tracks_objective_id", ["tracks_objective_id"])

    with op.batch_alter_table("measurements") as batch:
        batch.add_column(sa.Column("recorded_on", sa.Date, nullable=True))
        batch.add_column(sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("undone_by", sa.String(32), nullable=True))
    _backfill_recorded_on()
    with op.batch_alter_table("measurements") as batch:
        batch.alter_column("recorded_on", existing_type=sa.Date, nullable=False)


def _backfill_recorded_on() -> None:
    measurements = sa.table(
        "measurements",
        sa.column("id", sa.Integer),
        sa.column("recorded_at", sa.DateTime(timezone=True)),
        sa.column("recorded_on", sa.Date),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(measurements.c.id, measurements.c.recorded_at)).all()
    for row_id, recorded_at in rows:
        connection.execute(
            measurements.update()
            .where(measurements.c.id == row_id)
            .values(recorded_on=_utc(recorded_at).date())
        )


def _utc(moment: datetime) -> datetime:
    # PostgreSQL hands back the session's zone, SQLite a naive UTC value.
    return moment.astimezone(UTC) if moment.tzinfo else moment


def downgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.drop_column("undone_by")
        batch.drop_column("undone_at")
        batch.drop_column("recorded_on")
    with op.batch_alter_table("objectives") as batch:
        batch.drop_index("ix_objectives_tracks_objective_id")
        batch.drop_constraint("fk_objectives_tracks_objective_id_objectives", type_="foreignkey")
        batch.drop_column("tracks_objective_id")
