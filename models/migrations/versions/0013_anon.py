"""Anonymous numbers count once, at the close: `anonymous_closes` records each closed anonymous
check-in day whose numbers were settled (a median per objective, or nothing below the minimum).
Anonymous follow-ups wait in `anonymous_flags` (random ids) until their post may go out.

The measurements anonymous answers made one by one (no author, no note) are removed: the tick
settles their days again, as medians, from the numbers the answers still hold.

Revision ID: 0013_anon
Revises: 0012_goals
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_anon"
down_revision: str | None = "0012_goals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "anonymous_closes",
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("counted", sa.Boolean, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["checkin_schedules.id"],
            name="fk_anonymous_closes_schedule_id_checkin_schedules",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("schedule_id", "local_date", name="pk_anonymous_closes"),
    )
    op.create_index("ix_anonymous_closes_team_id", "anonymous_closes", ["team_id"])
    op.create_table(
        "anonymous_flags",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["checkin_schedules.id"],
            name="fk_anonymous_flags_schedule_id_checkin_schedules",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_anonymous_flags"),
    )
    op.create_index("ix_anonymous_flags_team_id", "anonymous_flags", ["team_id"])
    op.create_index("ix_anonymous_flags_local_date", "anonymous_flags", ["local_date"])
    op.execute("DELETE FROM measurements WHERE user_id IS NULL AND note IS NULL")


def downgrade() -> None:
    op.drop_index("ix_anonymous_flags_local_date", table_name="anonymous_flags")
    op.drop_index("ix_anonymous_flags_team_id", table_name="anonymous_flags")
    op.drop_table("anonymous_flags")
    op.drop_index("ix_anonymous_closes_team_id", table_name="anonymous_closes")
    op.drop_table("anonymous_closes")
