"""Console clocks: where `goalbot console`'s clock stood, per workspace, so a session resumes there.

Revision ID: 0010_cli
Revises: 0009_list_versions
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_cli"
down_revision: str | None = "0009_list_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "console_clocks",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("instant", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_console_clocks"),
    )


def downgrade() -> None:
    op.drop_table("console_clocks")
