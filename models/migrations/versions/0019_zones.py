"""People by workspace and zone: the tick reads "who in this workspace lives where it is prompt
time now" one zone at a time, in user id order, from an index (people(team_id, tz, user_id)), so
planning follows the people due, not the size of their channel. It replaces ix_people_tz: every
query of people names its workspace.

Revision ID: 0019_zones
Revises: 0018_installations
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019_zones"
down_revision: str | None = "0018_installations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_people_team_id_tz_user_id", "people", ["team_id", "tz", "user_id"])
    op.drop_index("ix_people_tz", table_name="people")


def downgrade() -> None:
    op.create_index("ix_people_tz", "people", ["tz"])
    op.drop_index("ix_people_team_id_tz_user_id", table_name="people")
