"""Report parts: how many of a digest's thread replies and chart are out (`report_posts.parts_sent`),
so a later tick sends only the rest; and which clock process claimed a follow-up message
(`follow_up_messages.claimed_by`), as report posts and check-in deliveries record.

Revision ID: 0008_report_parts
Revises: 0007_theme_tallies
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_report_parts"
down_revision: str | None = "0007_theme_tallies"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_posts") as table:
        table.add_column(sa.Column("parts_sent", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("follow_up_messages") as table:
        table.add_column(sa.Column("claimed_by", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("follow_up_messages") as table:
        table.drop_column("claimed_by")
    with op.batch_alter_table("report_posts") as table:
        table.drop_column("parts_sent")
