"""Check-ins: people, memberships, holidays, schedules, the delivery outbox, named and anonymous
answers with their numbers, and follow-ups.

Written out in full, like 0001. Enums are VARCHAR(16). The anonymous tables carry no author,
no delivery link and no time of day, and their ids are random (see models/checkins.py).

Revision ID: 0002_checkins
Revises: 0001_initial
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_checkins"
down_revision: str | None = "0002_measurements"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, nullable=False)


def _team_id() -> sa.Column:
    return sa.Column("team_id", sa.String(32), nullable=False)


def _utc_datetime(name: str, *, nullable: bool = False) -> sa.Column:
    # models.base.UTCDateTime stores through this type.
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _flag(name: str) -> sa.Column:
    return sa.Column(name, sa.Boolean, nullable=False)


def _schedule_fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["schedule_id"],
        ["checkin_schedules.id"],
        name=f"fk_{table}_schedule_id_checkin_schedules",
        ondelete=ondelete,
    )


def _answer_texts() -> list[sa.Column]:
    return [
        sa.Column("local_date", sa.Date, nullable=False),
        _flag("late"),
        sa.Column("confidence", sa.Integer, nullable=True),
        sa.Column("expectations", sa.Text, nullable=True),
        sa.Column("obstacles", sa.Text, nullable=True),
        sa.Column("category", sa.String(16), nullable=True),
    ]


def _team_index(table: str) -> None:
    op.create_index(f"ix_{table}_team_id", table, ["team_id"])


def upgrade() -> None:
    _who_is_asked()
    _schedules_and_outbox()
    _answers()
    _follow_ups()


def _who_is_asked() -> None:
    op.create_table(
        "people",
        _id(),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("tz", sa.String(64), nullable=True),
        _flag("is_bot"),
        _flag("deleted"),
        sa.Column("away_until", sa.Date, nullable=True),
        _utc_datetime("refreshed_at"),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("team_id", "user_id", name="uq_people_team_id_user_id"),
    )
    _team_index("people")
    op.create_index("ix_people_tz", "people", ["tz"])

    op.create_table(
        "memberships",
        _id(),
        sa.Column("group_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        _utc_datetime("synced_at"),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_memberships"),
        sa.UniqueConstraint("team_id", "group_id", "user_id", name="uq_memberships_team_id_group_id_user_id"),
    )
    _team_index("memberships")
    op.create_index("ix_memberships_team_id_user_id", "memberships", ["team_id", "user_id"])

    op.create_table(
        "holidays",
        _id(),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        _team_id(),
        sa.PrimaryKeyConstraint("id", name="pk_holidays"),
        sa.UniqueConstraint("team_id", "day", name="uq_holidays_team_id_day"),
    )
    _team_index("holidays")


def _schedules_and_outbox() -> None:
    op.create_table(
        "checkin_schedules",
        _id(),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("owner_id", sa.String(32), nullable=False),
        sa.Column("audience_id", sa.String(32), nullable=False),
        sa.Column("excluded_user_ids", sa.JSON, nullable=False),
        sa.Column("weekdays", sa.String(27), nullable=False),
        sa.Column("local_time", sa.Time, nullable=False),
        sa.Column("window_minutes", sa.Integer, nullable=False),
        sa.Column("reminder_count", sa.Integer, nullable=False),
        sa.Column("reminder_after_minutes", sa.Integer, nullable=False),
        sa.Column("quiet_start", sa.Time, nullable=True),
        sa.Column("quiet_end", sa.Time, nullable=True),
        _flag("anonymous"),
        sa.Column("min_answers", sa.Integer, nullable=False),
        sa.Column("objective_ids", sa.JSON, nullable=False),
        _flag("ask_confidence"),
        _flag("ask_expectations"),
        _flag("ask_obstacles"),
        _flag("ask_category"),
        _flag("ask_follow_up"),
        _flag("active"),
        _utc_datetime("created_at"),
        _utc_datetime("starts_at"),
        _team_id(),
        sa.CheckConstraint("min_answers >= 3", name="ck_checkin_schedules_min_answers_at_least_3"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_schedules"),
        sa.UniqueConstraint("team_id", "channel_id", name="uq_checkin_schedules_team_id_channel_id"),
    )
    _team_index("checkin_schedules")
    op.create_index("ix_checkin_schedules_active", "checkin_schedules", ["active"])

    op.create_table(
        "checkin_deliveries",
        _id(),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        _utc_datetime("scheduled_at"),
        sa.Column("attempts", sa.Integer, nullable=False),
        _utc_datetime("not_before", nullable=True),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        _utc_datetime("claimed_at", nullable=True),
        _utc_datetime("sent_at", nullable=True),
        sa.Column("message_channel", sa.String(32), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        _flag("answered"),
        _team_id(),
        _schedule_fk("checkin_deliveries"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_deliveries"),
        sa.UniqueConstraint(
            "schedule_id",
            "user_id",
            "local_date",
            "kind",
            "sequence",
            name="uq_checkin_deliveries_key",
        ),
    )
    _team_index("checkin_deliveries")
    op.create_index(
        "ix_checkin_deliveries_state_scheduled_at", "checkin_deliveries", ["state", "scheduled_at"]
    )
    op.create_index(
        "ix_checkin_deliveries_team_id_user_id_local_date",
        "checkin_deliveries",
        ["team_id", "user_id", "local_date"],
    )


def _answers() -> None:
    op.create_table(
        "checkin_answers",
        _id(),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("delivery_id", sa.Integer, nullable=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        _utc_datetime("answered_at"),
        _utc_datetime("edited_at", nullable=True),
        *_answer_texts(),
        _team_id(),
        _schedule_fk("checkin_answers"),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["checkin_deliveries.id"],
            name="fk_checkin_answers_delivery_id_checkin_deliveries",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_answers"),
        sa.UniqueConstraint(
            "schedule_id", "user_id", "local_date", name="uq_checkin_answers_schedule_id_user_id_local_date"
        ),
    )
    _team_index("checkin_answers")
    op.create_index(
        "ix_checkin_answers_team_id_schedule_id_local_date",
        "checkin_answers",
        ["team_id", "schedule_id", "local_date"],
    )
    _numbers("checkin_answer_numbers", "checkin_answers", sa.Integer)

    op.create_table(
        "anonymous_answers",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        *_answer_texts(),
        _team_id(),
        _schedule_fk("anonymous_answers"),
        sa.PrimaryKeyConstraint("id", name="pk_anonymous_answers"),
    )
    _team_index("anonymous_answers")
    op.create_index(
        "ix_anonymous_answers_team_id_schedule_id_local_date",
        "anonymous_answers",
        ["team_id", "schedule_id", "local_date"],
    )
    _numbers("anonymous_answer_numbers", "anonymous_answers", sa.String(32))


def _numbers(table: str, answers: str, id_type: sa.types.TypeEngine | type[sa.types.TypeEngine]) -> None:
    op.create_table(
        table,
        sa.Column("answer_id", id_type, nullable=False),
        sa.Column("objective_id", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        _team_id(),
        sa.ForeignKeyConstraint(
            ["answer_id"], [f"{answers}.id"], name=f"fk_{table}_answer_id_{answers}", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("answer_id", "objective_id", name=f"pk_{table}"),
    )
    _team_index(table)


def _follow_ups() -> None:
    op.create_table(
        "follow_ups",
        _id(),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=True),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("answer_id", sa.Integer, nullable=True),
        sa.Column("author_id", sa.String(32), nullable=True),
        _utc_datetime("created_at", nullable=True),
        sa.Column("owner_id", sa.String(32), nullable=True),
        _utc_datetime("due_at", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolution_note", sa.Text, nullable=True),
        _utc_datetime("resolved_at", nullable=True),
        sa.Column("last_reminded_on", sa.Date, nullable=True),
        _team_id(),
        _schedule_fk("follow_ups", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["checkin_answers.id"],
            name="fk_follow_ups_answer_id_checkin_answers",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follow_ups"),
    )
    _team_index("follow_ups")
    op.create_index("ix_follow_ups_team_id_status", "follow_ups", ["team_id", "status"])
    op.create_index("ix_follow_ups_team_id_owner_id", "follow_ups", ["team_id", "owner_id"])


def downgrade() -> None:
    # Children before parents; dropping a table drops its indexes and constraints with it.
    for table in (
        "follow_ups",
        "anonymous_answer_numbers",
        "anonymous_answers",
        "checkin_answer_numbers",
        "checkin_answers",
        "checkin_deliveries",
        "checkin_schedules",
        "holidays",
        "memberships",
        "people",
    ):
        op.drop_table(table)
