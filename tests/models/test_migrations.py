"""The migrations, checked against the models on every backend the run has."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pprint import pformat

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from models import Base
from models.db import make_engine
from models.installations import SLACK_SDK_TABLES
from models.migrate import (
    NotMigratedError,
    current_revision,
    downgrade,
    ensure_ready,
    head_revision,
    is_at_head,
    upgrade,
)


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_migrations_go_up_down_to_base_and_up_again(empty_engine: Engine) -> None:
    assert current_revision(empty_engine) is None
    assert not is_at_head(empty_engine)

    upgrade(empty_engine)
    assert current_revision(empty_engine) == head_revision()
    assert set(inspect(empty_engine).get_table_names()) == {*Base.metadata.tables, "alembic_version"}

    downgrade(empty_engine, "base")
    assert current_revision(empty_engine) is None
    assert inspect(empty_engine).get_table_names() == ["alembic_version"]

    upgrade(empty_engine)
    assert is_at_head(empty_engine)
    upgrade(empty_engine)  # already at head: nothing to do, nothing fails
    assert is_at_head(empty_engine)


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert not differences, (
        "The models and the migrations disagree; draft a new revision with autogenerate "
        f"(see models/migrate.py):\n{pformat(differences)}"
    )


def test_every_table_has_an_indexed_non_null_team_id(engine: Engine) -> None:
    inspector = inspect(engine)
    problems = []
    # slack_sdk decides its own tables' shape (models/installations.py says why they differ).
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version", *SLACK_SDK_TABLES}):
        columns = {column["name"]: column for column in inspector.get_columns(table)}
        if "team_id" not in columns:
            problems.append(f"{table}: no team_id")
            continue
        if columns["team_id"]["nullable"]:
            problems.append(f"{table}: team_id is nullable")
        keys = [index["column_names"] for index in inspector.get_indexes(table)]
        keys.append(inspector.get_pk_constraint(table)["constrained_columns"])  # answer_words: its key
        if not any(key[:1] == ["team_id"] for key in keys):
            problems.append(f"{table}: no index leading with team_id")
    assert problems == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_ensure_ready_migrates_a_fresh_sqlite_file(empty_engine: Engine) -> None:
    ensure_ready(empty_engine)
    assert is_at_head(empty_engine)
    ensure_ready(empty_engine)  # and is harmless once there


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_foreign_keys_are_back_on_after_migrating(empty_engine: Engine) -> None:
    # Migrating switches them off (see models.migrate._migrating); the pooled connection must not keep that.
    upgrade(empty_engine)
    with empty_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_ensure_ready_refuses_a_postgres_schema_that_is_not_at_head(empty_engine: Engine) -> None:
    head = head_revision()
    with pytest.raises(NotMigratedError) as raised:
        ensure_ready(empty_engine)
    assert str(raised.value) == (
        f"The database is not migrated to the latest schema (at nothing, need {head}). "
        "Run `goalbot db upgrade` first."
    )
    assert current_revision(empty_engine) is None  # it only checked

    upgrade(empty_engine)
    ensure_ready(empty_engine)

    with empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_older'")
    with pytest.raises(NotMigratedError, match=f"at 0000_older, need {head}"):
        ensure_ready(empty_engine)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_each_postgres_test_migrates_a_schema_of_its_own(engine: Engine) -> None:
    with engine.connect() as connection:
        schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
    assert schema.startswith("t_")
    assert inspect(engine).has_table("alembic_version", schema=schema)


def test_0002_gives_existing_measurements_their_utc_date_and_keeps_them(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0001_initial")
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO goals (id, team_id, title, owner_id, level, start_date, due_date, status, "
                "created_at) VALUES (1, 'T1', 'g', 'U1', 'annual', '2027-01-01', '2027-12-31', 'active', "
                ":at)"
            ),
            {"at": datetime(2027, 1, 1, tzinfo=UTC)},
        )
        connection.execute(
            text(
                "INSERT INTO objectives (id, team_id, goal_id, metric, baseline, target, direction, "
                "due_date) VALUES (1, 'T1', 1, 'CSAT', 78, 85, 'up', '2027-12-31')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO measurements (team_id, objective_id, value, user_id, recorded_at) "
                "VALUES ('T1', 1, 80, 'U1', :at)"
            ),
            {"at": datetime(2027, 3, 31, 23, 30, tzinfo=UTC)},
        )

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        row = connection.execute(text("SELECT value, recorded_on, undone_at FROM measurements")).one()
    assert (row[0], str(row[1]), row[2]) == (80, "2027-03-31", None)


def _store_answers(empty_engine: Engine) -> None:
    """A schedule, a named and an anonymous answer, written as plain rows (any revision from 0005)."""
    from sqlalchemy import text

    at = datetime(2027, 3, 1, 8, tzinfo=UTC)
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO checkin_schedules (id, team_id, channel_id, owner_id, audience_id, "
                "excluded_user_ids, weekdays, local_time, window_minutes, reminder_count, "
                "reminder_after_minutes, anonymous, min_answers, objective_ids, ask_confidence, "
                "ask_expectations, ask_obstacles, ask_category, ask_follow_up, active, created_at, "
                "starts_at) VALUES (1, 'T1', 'C1', 'U0', 'C1', '[]', 'mon', '09:00:00', 240, 1, 120, "
                "false, 3, '[]', true, true, true, true, true, true, :at, :at)"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO checkin_answers (team_id, schedule_id, user_id, local_date, answered_at, "
                "late, expectations, obstacles) VALUES ('T1', 1, 'U1', '2027-03-01', :at, false, "
                "'Refunds', 'the printer jammed')"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO anonymous_answers (id, team_id, schedule_id, local_date, late, obstacles) "
                "VALUES ('a1b2', 'T1', 1, '2027-03-02', false, 'Queues, queues')"
            )
        )


def test_0006_fills_answer_words_from_the_answers_already_stored(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0005_reports")
    _store_answers(empty_engine)

    upgrade(empty_engine, "0006_answer_words")

    with empty_engine.connect() as connection:
        rows = connection.execute(
            text("SELECT person_key, CAST(local_date AS VARCHAR(10)), word, anonymous FROM answer_words")
        ).all()
    assert {(key, day, word, bool(anonymous)) for key, day, word, anonymous in rows} == {
        ("U1", "2027-03-01", "refund", False),
        ("U1", "2027-03-01", "printer", False),
        ("U1", "2027-03-01", "jammed", False),
        ("a1b2", "2027-03-02", "queue", True),
    }


def test_0007_tallies_the_answers_already_stored_and_goes_back_to_answer_words(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0006_answer_words")
    _store_answers(empty_engine)

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        tallies = connection.execute(
            text(
                "SELECT period, kind, theme, named_people, named_answers, anonymous_answers "
                "FROM theme_tallies"
            )
        ).all()
        people = connection.execute(text("SELECT person_key, period, theme FROM theme_people")).all()
        assert "answer_words" not in inspect(connection).get_table_names()
    by_month = {
        (kind, theme): tuple(counts) for period, kind, theme, *counts in tallies if period == "2027-03"
    }
    assert by_month == {
        ("answer", ""): (1, 1, 1),
        ("word", "refund"): (1, 1, 0),
        ("word", "printer"): (1, 1, 0),
        ("word", "jammed"): (1, 1, 0),
        ("word", "queue"): (0, 0, 1),
    }
    assert {period for period, *_ in tallies} == {"2027-03", "2027-W09"}
    assert {key for key, _, _ in people} == {"U1"}  # the anonymous answer is counted, never keyed

    downgrade(empty_engine, "0006_answer_words")

    with empty_engine.connect() as connection:
        words = connection.execute(text("SELECT person_key, word, anonymous FROM answer_words")).all()
    assert {(key, word, bool(anonymous)) for key, word, anonymous in words} == {
        ("U1", "refund", False),
        ("U1", "printer", False),
        ("U1", "jammed", False),
        ("a1b2", "queue", True),
    }


def test_0011_tallies_stored_confidences_and_gives_snapshots_their_kind(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0009_list_versions")
    _store_answers(empty_engine)
    with empty_engine.begin() as connection:
        connection.execute(text("UPDATE checkin_answers SET confidence = 4"))
        connection.execute(text("UPDATE anonymous_answers SET confidence = 2"))
        for objective_id, period in ((1, "2027-W09"), (2, "2027-02")):
            connection.execute(
                text(
                    "INSERT INTO digest_snapshots (team_id, channel_id, objective_id, value, period, "
                    "recorded_at) VALUES ('T1', 'C1', :objective, 80, :period, :at)"
                ),
                {"objective": objective_id, "period": period, "at": datetime(2027, 3, 1, tzinfo=UTC)},
            )

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        tallies = connection.execute(
            text(
                "SELECT period, theme, named_people, named_answers, anonymous_answers FROM theme_tallies "
                "WHERE kind = 'confidence'"
            )
        ).all()
        people = connection.execute(
            text("SELECT person_key, theme FROM theme_people WHERE kind = 'confidence'")
        )
        kinds = connection.execute(text("SELECT objective_id, kind FROM digest_snapshots")).all()
    assert sorted(tuple(t) for t in tallies) == [
        ("2027-03", "2", 0, 0, 1),
        ("2027-03", "4", 1, 1, 0),
        ("2027-W09", "2", 0, 0, 1),
        ("2027-W09", "4", 1, 1, 0),
    ]
    assert {tuple(p) for p in people} == {("U1", "4")}  # the anonymous answer is counted, never keyed
    assert sorted(tuple(k) for k in kinds) == [(1, "week"), (2, "month")]

    downgrade(empty_engine, "0009_list_versions")

    with empty_engine.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM theme_tallies WHERE kind = 'confidence'")
        ).scalar()
        snapshots = connection.execute(text("SELECT count(*) FROM digest_snapshots")).scalar()
    assert left == 0 and snapshots == 2
