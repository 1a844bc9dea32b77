"""Reports: channel report settings, the report outbox, the planning cursor, digest snapshots,
and the indexes the digest's aggregates read through.

Revision ID: 0005_reports
Revises: 0004_followups
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_reports"
down_revision: str | None = "0004_followups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "report_settings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("local_time", sa.Time, nullable=False),
        sa.Column("zone", sa.String(64), nullable=True),
        sa.Column("reminders_enabled", sa.Boolean, nullable=False),
        sa.Column("digest_cadence", sa.String(24), nullable=False),
        sa.Column("updated_by", sa.String(32), nullable=False),
        sa.Column("updated_at", _AT, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_settings"),
        sa.UniqueConstraint("team_id", "channel_id", name="uq_report_settings_team_id_channel_id"),
    )
    op.create_index("ix_report_settings_team_id", "report_settings", ["team_id"])
    op.create_table(
        "report_posts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("due_at", _AT, nullable=False),
        sa.Column("useful_until", _AT, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("not_before", _AT, nullable=True),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_at", _AT, nullable=True),
        sa.Column("sent_at", _AT, nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("thread_ts", sa.String(32), nullable=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_posts"),
        sa.UniqueConstraint("team_id", "channel_id", "kind", "period", name="uq_report_posts_key"),
    )
    op.create_index("ix_report_posts_team_id", "report_posts", ["team_id"])
    op.create_index("ix_report_posts_state_due_at", "report_posts", ["state", "due_at"])
    op.create_table(
        "report_cursors",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("planned_until", _AT, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_cursors"),
        sa.UniqueConstraint("team_id", name="uq_report_cursors_team_id"),
    )
    op.create_index("ix_report_cursors_team_id", "report_cursors", ["team_id"])
    op.create_table(
        "digest_snapshots",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("objective_id", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("recorded_at", _AT, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_snapshots"),
        sa.UniqueConstraint(
            "team_id",
            "channel_id",
            "objective_id",
            name="uq_digest_snapshots_team_id_channel_id_objective_id",
        ),
    )
    op.create_index("ix_digest_snapshots_team_id", "digest_snapshots", ["team_id"])
    op.create_index(
        "ix_checkin_deliveries_schedule_id_local_date", "checkin_deliveries", ["schedule_id", "local_date"]
    )
    op.create_index(
        "ix_follow_ups_team_id_channel_id_local_date", "follow_ups", ["team_id", "channel_id", "local_date"]
    )
    op.create_index(
        "ix_measurements_objective_id_recorded_on", "measurements", ["objective_id", "recorded_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_measurements_objective_id_recorded_on", "measurements")
    op.drop_index("ix_follow_ups_team_id_channel_id_local_date", "follow_ups")
    op.drop_index("ix_checkin_deliveries_schedule_id_local_date", "checkin_deliveries")
    for table in ("digest_snapshots", "report_cursors", "report_posts", "report_settings"):
        op.drop_table(table)
