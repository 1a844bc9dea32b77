"""Workspace leases: one sending process per workspace at a time, and where its pacing stood.

Revision ID: 0014_pacing
Revises: 0013_anon
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_pacing"
down_revision: str | None = "0013_anon"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workspace_leases",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("holder", sa.String(80), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_send_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("team_id", name="pk_workspace_leases"),
    )


def downgrade() -> None:
    op.drop_table("workspace_leases")
