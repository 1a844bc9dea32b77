"""Workspaces: name, default time zone, a failing token, uninstall and when its data is purged.

Revision ID: 0016_workspaces
Revises: 0015_jobs
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_workspaces"
down_revision: str | None = "0015_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("team_name", sa.String(255), nullable=True),
        sa.Column("default_tz", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("token_failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("token_error", sa.String(64), nullable=True),
        sa.Column("token_checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("uninstalled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("purge_after", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("team_id", name="pk_workspaces"),
    )


def downgrade() -> None:
    op.drop_table("workspaces")
