"""Theme tallies: per-period counts of check-in answers, their categories and theme words (and
the per-person bookkeeping behind "different people"), filled from the answers already stored.
They replace `answer_words`, which the digest no longer reads.

Revision ID: 0007_theme_tallies
Revises: 0006_answer_words
Create Date: 2026-11-24
"""

from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.domain.reports.tally_marks import answer_marks, tally_periods
from bot.domain.reports.themes import answer_words

revision: str = "0007_theme_tallies"
down_revision: str | None = "0006_answer_words"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5_000
_KEY = ("team_id", "schedule_id", "period")


def upgrade() -> None:
    tallies = op.create_table(
        "theme_tallies",
        *_key_columns(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.Column("named_people", sa.Integer, nullable=False),
        sa.Column("named_answers", sa.Integer, nullable=False),
        sa.Column("anonymous_answers", sa.Integer, nullable=False),
        _schedule_key("theme_tallies"),
        sa.PrimaryKeyConstraint(*_KEY, "kind", "theme", name="pk_theme_tallies"),
        sqlite_with_rowid=False,
    )
    people = op.create_table(
        "theme_people",
        *_key_columns(),
        sa.Column("person_key", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.Column("uses", sa.Integer, nullable=False),
        _schedule_key("theme_people"),
        sa.PrimaryKeyConstraint(*_KEY, "person_key", "kind", "theme", name="pk_theme_people"),
        sqlite_with_rowid=False,
    )
    _backfill(tallies, people)
    op.drop_table("answer_words")


def _key_columns() -> list[sa.Column]:
    return [
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
    ]


def _schedule_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["schedule_id"],
        ["checkin_schedules.id"],
        name=f"fk_{table}_schedule_id_checkin_schedules",
        ondelete="CASCADE",
    )


def _backfill(tallies: sa.Table, people: sa.Table) -> None:
    """The tallies of every stored answer, by the rule the check-in services now keep them."""
    connection = op.get_bind()
    named: Counter[tuple] = Counter()  # (team, schedule, period, kind, theme) → answers
    anonymous: Counter[tuple] = Counter()
    uses: Counter[tuple] = Counter()  # (team, schedule, period, person, kind, theme) → answers
    for table, person in (("checkin_answers", "user_id"), ("anonymous_answers", None)):
        author = person or "NULL"
        query = sa.text(
            f"SELECT team_id, schedule_id, local_date, {author}, category, expectations, obstacles "
            f"FROM {table}"
        ).columns(local_date=sa.Date)
        for team_id, schedule_id, day, user_id, category, expectations, obstacles in connection.execute(
            query.execution_options(yield_per=2_000)
        ):
            for period in tally_periods(day):
                for mark in answer_marks(category, expectations, obstacles):
                    key = (team_id, schedule_id, period, mark.kind.value, mark.theme)
                    if person is None:
                        anonymous[key] += 1
                    else:
                        named[key] += 1
                        uses[(team_id, schedule_id, period, user_id, mark.kind.value, mark.theme)] += 1
    named_people: Counter[tuple] = Counter()
    for team_id, schedule_id, period, _, kind, theme in uses:
        named_people[(team_id, schedule_id, period, kind, theme)] += 1
    names = ("team_id", "schedule_id", "period", "kind", "theme")
    _insert(
        connection,
        tallies,
        (
            dict(zip(names, key, strict=True))
            | {
                "named_people": named_people[key],
                "named_answers": named[key],
                "anonymous_answers": anonymous[key],
            }
            for key in sorted(named.keys() | anonymous.keys())
        ),
    )
    person_names = ("team_id", "schedule_id", "period", "person_key", "kind", "theme")
    _insert(
        connection, people, (dict(zip(person_names, k, strict=True)) | {"uses": n} for k, n in uses.items())
    )


def _insert(connection: sa.Connection, table: sa.Table, rows) -> None:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            connection.execute(table.insert(), batch)
            batch = []
    if batch:
        connection.execute(table.insert(), batch)


def downgrade() -> None:
    """Back to `answer_words`, refilled from the answers (the tallies go)."""
    words = op.create_table(
        "answer_words",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("schedule_id", sa.Integer, nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("person_key", sa.String(32), nullable=False),
        sa.Column("word", sa.String(40), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        _schedule_key("answer_words"),
        sa.PrimaryKeyConstraint(
            "team_id", "schedule_id", "local_date", "person_key", "word", name="pk_answer_words"
        ),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    for table, key, is_anonymous in (
        ("checkin_answers", "user_id", False),
        ("anonymous_answers", "id", True),
    ):
        query = sa.text(
            f"SELECT team_id, schedule_id, local_date, {key}, expectations, obstacles FROM {table}"
        ).columns(local_date=sa.Date)
        _insert(
            connection,
            words,
            (
                {
                    "team_id": team_id,
                    "schedule_id": schedule_id,
                    "local_date": day,
                    "person_key": person_key,
                    "word": word,
                    "anonymous": is_anonymous,
                }
                for team_id, schedule_id, day, person_key, expectations, obstacles in connection.execute(
                    query
                )
                for word in sorted(answer_words(expectations, obstacles))
            ),
        )
    op.drop_table("theme_people")
    op.drop_table("theme_tallies")
