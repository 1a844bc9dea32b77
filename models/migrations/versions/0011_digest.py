"""Digest: "change since the last digest" per kind (`digest_snapshots.kind`: a weekly digest
compares with the last weekly one, a monthly with the last monthly one), and each answer's
confidence in the period tallies (mark kind "confidence", theme "1" to "5"), filled from the
answers already stored, so a digest reads a period's average confidence from five rows.

Revision ID: 0011_digest
Revises: 0010_cli
Create Date: 2026-12-06
"""

from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.domain.reports.tally_marks import MarkKind, tally_periods

revision: str = "0011_digest"
down_revision: str | None = "0010_cli"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_UNIQUE = "uq_digest_snapshots_team_id_channel_id_objective_id"
_NEW_UNIQUE = "uq_digest_snapshots_team_id_channel_id_kind_objective_id"
_CONFIDENCE = MarkKind.CONFIDENCE.value


def upgrade() -> None:
    with op.batch_alter_table("digest_snapshots") as table:
        table.add_column(sa.Column("kind", sa.String(8), nullable=True))
    # The period id says the kind: "2027-W03" is a week's, "2027-03" a month's.
    op.execute("UPDATE digest_snapshots SET kind = CASE WHEN period LIKE '%W%' THEN 'week' ELSE 'month' END")
    with op.batch_alter_table("digest_snapshots") as table:
        table.alter_column("kind", existing_type=sa.String(8), nullable=False)
        table.drop_constraint(_OLD_UNIQUE, type_="unique")
        table.create_unique_constraint(_NEW_UNIQUE, ["team_id", "channel_id", "kind", "objective_id"])
    _backfill_confidence()


def _backfill_confidence() -> None:
    """The confidence marks of every stored answer, as `tally_writes.retally_answer` now keeps them."""
    connection = op.get_bind()
    named: Counter[tuple] = Counter()
    anonymous: Counter[tuple] = Counter()
    uses: Counter[tuple] = Counter()
    for table, person in (("checkin_answers", "user_id"), ("anonymous_answers", None)):
        query = sa.text(
            f"SELECT team_id, schedule_id, local_date, {person or 'NULL'}, confidence FROM {table} "
            "WHERE confidence IS NOT NULL"
        ).columns(local_date=sa.Date)
        for team_id, schedule_id, day, user_id, confidence in connection.execute(query):
            for period in tally_periods(day):
                key = (team_id, schedule_id, period, _CONFIDENCE, str(confidence))
                if person is None:
                    anonymous[key] += 1
                else:
                    named[key] += 1
                    uses[(team_id, schedule_id, period, user_id, _CONFIDENCE, str(confidence))] += 1
    people: Counter[tuple] = Counter((t, s, p, k, th) for t, s, p, _, k, th in uses)
    names = ("team_id", "schedule_id", "period", "kind", "theme")
    tallies = [
        dict(zip(names, key, strict=True))
        | {"named_people": people[key], "named_answers": named[key], "anonymous_answers": anonymous[key]}
        for key in sorted(named.keys() | anonymous.keys())
    ]
    person_names = ("team_id", "schedule_id", "period", "person_key", "kind", "theme")
    persons = [dict(zip(person_names, key, strict=True)) | {"uses": n} for key, n in uses.items()]
    metadata = sa.MetaData()
    for name, rows in (("theme_tallies", tallies), ("theme_people", persons)):
        if rows:
            connection.execute(sa.Table(name, metadata, autoload_with=connection).insert(), rows)


def downgrade() -> None:
    for tallied in ("theme_tallies", "theme_people"):
        op.execute(f"DELETE FROM {tallied} WHERE kind = '{_CONFIDENCE}'")
    # One snapshot per objective again: the monthly one where both kinds have one.
    op.execute(
        "DELETE FROM digest_snapshots WHERE kind = 'week' AND EXISTS (SELECT 1 FROM digest_snapshots m "
        "WHERE m.kind = 'month' AND m.team_id = digest_snapshots.team_id "
        "AND m.channel_id = digest_snapshots.channel_id AND m.objective_id = digest_snapshots.objective_id)"
    )
    with op.batch_alter_table("digest_snapshots") as table:
        table.drop_constraint(_NEW_UNIQUE, type_="unique")
        table.create_unique_constraint(_OLD_UNIQUE, ["team_id", "channel_id", "objective_id"])
        table.drop_column("kind")
