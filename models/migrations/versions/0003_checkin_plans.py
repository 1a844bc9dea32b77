"""Check-in planning cursor (`checkin_plans`), and measurements without an author.

`checkin_plans` holds, per workspace, the instant up to which the tick has planned deliveries.
`measurements.user_id` becomes nullable: a number given in an anonymous check-in becomes a
measurement with no author (and no time of day: it is recorded at its local date's midnight UTC).

Revision ID: 0003_checkin_plans
Revises: 0002_checkins
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_checkin_plans"
down_revision: str | None = "0002_checkins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checkin_plans",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("planned_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_plans"),
        sa.UniqueConstraint("team_id", name="uq_checkin_plans_team_id"),
    )
    op.create_index("ix_checkin_plans_team_id", "checkin_plans", ["team_id"])
    with op.batch_alter_table("measurements") as batch:
        batch.alter_column("user_id", existing_type=sa.String(32), nullable=True)


def downgrade() -> None:
    # Anonymous measurements have no author to restore; they cannot survive a NOT NULL column.
    op.execute("DELETE FROM measurements WHERE user_id IS NULL")
    with op.batch_alter_table("measurements") as batch:
        batch.alter_column("user_id", existing_type=sa.String(32), nullable=False)
    op.drop_table("checkin_plans")
