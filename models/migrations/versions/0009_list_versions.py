"""List versions: a counter per workspace, bumped with every change the goal list shows, so each
process can reuse a rendered page while its workspace's counter stands still.

Revision ID: 0009_list_versions
Revises: 0008_report_parts
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_list_versions"
down_revision: str | None = "0008_report_parts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_list_versions"),
    )


def downgrade() -> None:
    op.drop_table("list_versions")
