"""Initial schema: the GOST tree (goals, objectives, measurements, strategies, tactics),
monthly focus, and processed Slack events.

Written out in full rather than imported from the models, so this revision keeps meaning
the same thing after the models move on. Names follow models.base.NAMING_CONVENTION.
Enums are plain VARCHAR(16) (native_enum=False, no CHECK), so adding a value needs no migration.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _team_id() -> sa.Column:
    return sa.Column("team_id", sa.String(32), nullable=False)


def _utc_datetime(name: str, *, nullable: bool = False) -> sa.Column:
    # models.base.UTCDateTime stores through this type.
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("why", sa.Text, nullable=True),
        sa.Column("owner_id", sa.String(32), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=True),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("parent_id", sa.Integer, nullable=True),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _utc_datetime("created_at"),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_goals"),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["goals.id"], name="fk_goals_parent_id_goals", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_goals_team_id", "goals", ["team_id"])
    op.create_index("ix_goals_channel_id", "goals", ["channel_id"])
    op.create_index("ix_goals_parent_id", "goals", ["parent_id"])

    op.create_table(
        "objectives",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("goal_id", sa.Integer, nullable=False),
        sa.Column("metric", sa.String(100), nullable=False),
        sa.Column("unit", sa.String(30), nullable=True),
        sa.Column("baseline", sa.Float, nullable=False),
        sa.Column("target", sa.Float, nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_objectives"),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name="fk_objectives_goal_id_goals", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_objectives_team_id", "objectives", ["team_id"])
    op.create_index("ix_objectives_goal_id", "objectives", ["goal_id"])

    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("objective_id", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        _utc_datetime("recorded_at"),
        sa.Column("note", sa.Text, nullable=True),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_measurements"),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objectives.id"],
            name="fk_measurements_objective_id_objectives",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_measurements_team_id", "measurements", ["team_id"])
    op.create_index("ix_measurements_objective_id", "measurements", ["objective_id"])

    op.create_table(
        "strategies",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("goal_id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_strategies"),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name="fk_strategies_goal_id_goals", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_strategies_team_id", "strategies", ["team_id"])
    op.create_index("ix_strategies_goal_id", "strategies", ["goal_id"])

    op.create_table(
        "tactics",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("strategy_id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("owner_id", sa.String(32), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        _utc_datetime("done_at", nullable=True),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_tactics"),
        sa.ForeignKeyConstraint(
            ["strategy_id"],
            ["strategies.id"],
            name="fk_tactics_strategy_id_strategies",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_tactics_team_id", "tactics", ["team_id"])
    op.create_index("ix_tactics_strategy_id", "tactics", ["strategy_id"])

    op.create_table(
        "monthly_focus",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("month", sa.Date, nullable=False),
        sa.Column("goal_id", sa.Integer, nullable=False),
        sa.Column("set_by", sa.String(32), nullable=False),
        _utc_datetime("set_at"),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_monthly_focus"),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name="fk_monthly_focus_goal_id_goals", ondelete="CASCADE"
        ),
        sa.UniqueConstraint(
            "team_id", "channel_id", "month", name="uq_monthly_focus_team_id_channel_id_month"
        ),
    )
    op.create_index("ix_monthly_focus_team_id", "monthly_focus", ["team_id"])

    op.create_table(
        "processed_events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        _utc_datetime("received_at"),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_processed_events"),
        sa.UniqueConstraint("team_id", "event_id", name="uq_processed_events_team_id_event_id"),
    )
    op.create_index("ix_processed_events_team_id", "processed_events", ["team_id"])


def downgrade() -> None:
    # Children before parents; dropping a table drops its indexes and constraints with it.
    for table in (
        "processed_events",
        "monthly_focus",
        "tactics",
        "strategies",
        "measurements",
        "objectives",
        "goals",
    ):
        op.drop_table(table)
