"""The migrations, checked against the models on every backend the run has: up, down to nothing
and up again, the schema they make the models' own, every table scoped by an indexed team_id."""

from pprint import pformat

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from models import Base
from models.installations import SLACK_SDK_TABLES
from models.migrate import current_revision, downgrade, head_revision, is_at_head, upgrade


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
