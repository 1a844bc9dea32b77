"""One outbox: checkin_deliveries, report_posts and follow_up_messages share the outbox columns
(models/outbox.py). Each gets `outcome_unknown_since` (an earlier attempt may have posted: read
the history before posting again); report_posts gets `message_channel`; follow_up_messages' `channel`
and `ts` become `message_channel` and `message_ts`, its `last_error` a String(200) and its
`not_before` nullable, like the others'.

Revision ID: 0017_outbox
Revises: 0016_workspaces
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_outbox"
down_revision: str | None = "0016_workspaces"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("checkin_deliveries", "report_posts", "follow_up_messages")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("outcome_unknown_since", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("report_posts") as batch:
        batch.add_column(sa.Column("message_channel", sa.String(32), nullable=True))
    op.execute("UPDATE follow_up_messages SET last_error = substr(last_error, 1, 200)")
    with op.batch_alter_table("follow_up_messages") as batch:
        batch.alter_column("channel", new_column_name="message_channel", existing_type=sa.String(32))
        batch.alter_column("ts", new_column_name="message_ts", existing_type=sa.String(32))
        batch.alter_column("last_error", type_=sa.String(200), existing_type=sa.Text, existing_nullable=True)
        batch.alter_column("not_before", nullable=True, existing_type=sa.DateTime(timezone=True))


def downgrade() -> None:
    op.execute("UPDATE follow_up_messages SET not_before = COALESCE(not_before, claimed_at, sent_at)")
    with op.batch_alter_table("follow_up_messages") as batch:
        batch.alter_column("not_before", nullable=False, existing_type=sa.DateTime(timezone=True))
        batch.alter_column("last_error", type_=sa.Text, existing_type=sa.String(200), existing_nullable=True)
        batch.alter_column("message_ts", new_column_name="ts", existing_type=sa.String(32))
        batch.alter_column("message_channel", new_column_name="channel", existing_type=sa.String(32))
    with op.batch_alter_table("report_posts") as batch:
        batch.drop_column("message_channel")
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("outcome_unknown_since")
