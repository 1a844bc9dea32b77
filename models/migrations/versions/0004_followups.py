"""Follow-ups: per-channel settings, the outbox of their posts and reminders, and who closed one.

Revision ID: 0004_followups
Revises: 0003_checkin_plans
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_followups"
down_revision: str | None = "0003_checkin_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "follow_up_settings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("due_hours", sa.Integer, nullable=True),
        sa.Column("post_channel_id", sa.String(32), nullable=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "due_hours IS NULL OR due_hours > 0", name="ck_follow_up_settings_positive_due_hours"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follow_up_settings"),
        sa.UniqueConstraint("team_id", "channel_id", name="uq_follow_up_settings_team_id_channel_id"),
    )
    op.create_index("ix_follow_up_settings_team_id", "follow_up_settings", ["team_id"])
    op.create_table(
        "follow_up_messages",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("follow_up_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("channel", sa.String(32), nullable=True),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_ups.id"],
            name="fk_follow_up_messages_follow_up_id_follow_ups",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follow_up_messages"),
        sa.UniqueConstraint("follow_up_id", "key", name="uq_follow_up_messages_follow_up_id_key"),
    )
    op.create_index("ix_follow_up_messages_team_id", "follow_up_messages", ["team_id"])
    op.create_index("ix_follow_up_messages_state_not_before", "follow_up_messages", ["state", "not_before"])
    with op.batch_alter_table("follow_ups") as batch:
        batch.add_column(sa.Column("closed_by", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_column("closed_by")
    op.drop_table("follow_up_messages")
    op.drop_table("follow_up_settings")
