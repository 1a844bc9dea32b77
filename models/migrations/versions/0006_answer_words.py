"""Answer words: each check-in answer's theme words, so the digest counts themes in SQL;
filled from the answers already stored.

Revision ID: 0006_answer_words
Revises: 0005_reports
Create Date: 2026-11-24
"""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

from bot.domain.reports.themes import answer_words

revision: str = "0006_answer_words"
down_revision: str | None = "0005_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5_000


def upgrade() -> None:
    words = op.create_table(
        "answer_words",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("person_key", sa.String(32), nullable=False),
        sa.Column("word", sa.String(40), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["checkin_schedules.id"],
            name="fk_answer_words_schedule_id_checkin_schedules",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "team_id", "schedule_id", "local_date", "person_key", "word", name="pk_answer_words"
        ),
        sqlite_with_rowid=False,
    )
    _backfill(words)


def _backfill(words: sa.Table) -> None:
    """The words of every stored answer, by the same rule the check-in services now apply."""
    connection = op.get_bind()
    batch: list[dict] = []
    for row in _stored_answers(connection):
        batch += row
        if len(batch) >= _BATCH:
            connection.execute(words.insert(), batch)
            batch = []
    if batch:
        connection.execute(words.insert(), batch)


def _stored_answers(connection: sa.Connection) -> Iterator[list[dict]]:
    named = sa.text(
        "SELECT team_id, schedule_id, local_date, user_id, expectations, obstacles FROM checkin_answers"
    )
    anonymous = sa.text(
        "SELECT team_id, schedule_id, local_date, id, expectations, obstacles FROM anonymous_answers"
    )
    for query, is_anonymous in ((named, False), (anonymous, True)):
        rows = connection.execute(query.columns(local_date=sa.Date).execution_options(yield_per=2_000))
        for team_id, schedule_id, local_date, person_key, expectations, obstacles in rows:
            yield [
                {
                    "team_id": team_id,
                    "schedule_id": schedule_id,
                    "local_date": local_date,
                    "person_key": person_key,
                    "word": word,
                    "anonymous": is_anonymous,
                }
                for word in sorted(answer_words(expectations, obstacles))
            ]


def downgrade() -> None:
    op.drop_table("answer_words")
