"""`job_claims`: the clock's recurring work (an hour's pruning, each audience's and each person's
membership refresh) is claimed, so many clock processes share it instead of each doing all of it.

Revision ID: 0015_jobs
Revises: 0014_pacing
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_jobs"
down_revision: str | None = "0014_pacing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_claims",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("job", sa.String(48), nullable=False),
        sa.Column("item", sa.String(64), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=False),
        # models.base.UTCDateTime stores through this type.
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("held_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("team_id", "job", "item", name="pk_job_claims"),
    )
    op.create_index("ix_job_claims_held_until", "job_claims", ["held_until"])


def downgrade() -> None:
    op.drop_index("ix_job_claims_held_until", table_name="job_claims")
    op.drop_table("job_claims")
