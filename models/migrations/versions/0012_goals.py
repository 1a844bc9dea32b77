"""Which goal's archiving took a goal along (`goals.archived_with_id`), so restoring that goal
brings back exactly the targets its archive took away.

Revision ID: 0012_goals
Revises: 0011_digest
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_goals"
down_revision: str | None = "0011_digest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("goals") as table:
        table.add_column(sa.Column("archived_with_id", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("goals") as table:
        table.drop_column("archived_with_id")
