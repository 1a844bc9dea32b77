"""The registry of workspace tables (models/workspace_tables.py) held against the migrated schema,
reflected: every table holding a workspace's rows is in it, each entry finds one workspace's rows
and no other's, and the purge deletes one workspace's rows from every table and nothing else."""

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Engine,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
)
from sqlalchemy import select as select_
from sqlalchemy.types import TypeDecorator

from bot.services.checkins.planning import plan_deliveries
from bot.services.followups.planning import plan_followup_messages
from bot.services.reports.planning import plan_reports
from models.base import Base
from models.list_versions import EVERY_TEAM, current_version
from models.workspace_tables import NOT_WORKSPACE_TABLES, WORKSPACE_TABLES, purge_workspace, workspace_rows
from tests.services.factories import CHANNEL, OTHER_CHANNEL, actor, make_goal, measure
from tests.services.reports.checkin_data import MONDAY_1000, answer, checkin_channel

PURGED, KEPT = "T0AAAAAA", "T0BBBBBB"


def reflected(engine: Engine) -> MetaData:
    metadata = MetaData()
    metadata.reflect(engine)
    return metadata


def holding_workspace_rows(metadata: MetaData) -> set[str]:
    """Tables with a team_id, and tables whose foreign keys lead to one (rows that name a team
    through their parent)."""
    found = {table.name for table in metadata.tables.values() if "team_id" in table.c}
    while more := {
        table.name
        for table in metadata.tables.values()
        if table.name not in found and any(fk.column.table.name in found for fk in table.foreign_keys)
    }:
        found |= more
    return found


def test_every_table_holding_a_workspaces_rows_is_registered(engine):
    metadata = reflected(engine)
    assert sorted(holding_workspace_rows(metadata) - WORKSPACE_TABLES) == []
    # Every table is said to be one or the other on purpose, and no entry names a table gone.
    assert sorted(set(metadata.tables) - WORKSPACE_TABLES - NOT_WORKSPACE_TABLES.keys()) == []
    assert sorted((WORKSPACE_TABLES | NOT_WORKSPACE_TABLES.keys()) - set(metadata.tables)) == []
    # Each finds its rows by its own team_id, without a join.
    assert sorted(name for name in WORKSPACE_TABLES if "team_id" not in metadata.tables[name].c) == []


def test_a_new_table_naming_a_team_directly_or_through_its_parent_is_caught(engine):
    # Guards the check above: both kinds of table must count as holding a workspace's rows.
    scratch = MetaData()
    Table("scratch_tags", scratch, Column("id", Integer, primary_key=True), Column("team_id", String(32)))
    Table(
        "scratch_notes",
        scratch,
        Column("id", Integer, primary_key=True),
        Column("goal_id", ForeignKey(reflected(engine).tables["goals"].c.id)),
    )
    scratch.create_all(engine)
    assert holding_workspace_rows(reflected(engine)) - WORKSPACE_TABLES == {"scratch_tags", "scratch_notes"}


def seed_every_table(connection: Connection, team_id: str) -> None:
    """One row of the workspace in every model's table, each foreign key pointing at the
    workspace's own parent row, so the purge meets every table and every constraint."""
    ids: dict[str, Any] = {}
    for table in Base.metadata.sorted_tables:
        values = {
            column.name: stand_in_value(column, team_id, ids)
            for column in table.columns
            if column is not table.autoincrement_column
        }
        ids[table.name] = connection.execute(insert(table).values(values)).inserted_primary_key[0]


def stand_in_value(column: Column, team_id: str, ids: dict[str, Any]) -> Any:
    if column.name == "team_id":
        return team_id
    for key in column.foreign_keys:
        return ids.get(key.column.table.name)  # None for a table's reference to itself
    if column.nullable:
        return None
    if isinstance(column.type, Enum):
        return (
            column.type.enums[0]
            if column.type.enum_class is None
            else column.type.enum_class(column.type.enums[0])
        )
    if isinstance(column.type, JSON):
        return []
    kind = (column.type.impl if isinstance(column.type, TypeDecorator) else column.type).python_type
    values = {
        str: f"{team_id}{column.name}"[: getattr(column.type, "length", None) or 64],
        int: 3,  # a schedule's min_answers is at least 3
        float: 1.0,
        bool: False,
        date: date(2027, 1, 4),
        datetime: datetime(2027, 1, 4, 9, tzinfo=UTC),
        time: time(9),
    }
    return values[kind]


def rows_per_table(engine: Engine, metadata: MetaData, team_id: str, *, registry: bool) -> dict[str, int]:
    """Rows of the workspace in each table: found through the registry, or by any column
    named team_id (the reflected schema's own word)."""
    counts = {}
    with engine.connect() as connection:
        for table in metadata.tables.values():
            if registry and table.name in WORKSPACE_TABLES:
                where = workspace_rows(table, team_id)
            elif not registry and "team_id" in table.c:
                where = table.c.team_id == team_id
            else:
                continue
            counts[table.name] = connection.scalar(select_(func.count()).select_from(table).where(where))
    return counts


def test_the_registry_finds_each_workspaces_rows_and_the_purge_deletes_one_workspace_only(engine, sessions):
    with engine.begin() as connection:
        seed_every_table(connection, PURGED)
        seed_every_table(connection, KEPT)
    metadata = reflected(engine)
    one_each = {name: 1 for name in WORKSPACE_TABLES}
    assert rows_per_table(engine, metadata, PURGED, registry=True) == one_each
    assert rows_per_table(engine, metadata, KEPT, registry=True) == one_each
    version_before = current_version(engine, PURGED)

    assert purge_workspace(sessions, PURGED) == one_each

    assert rows_per_table(engine, metadata, PURGED, registry=False) == dict.fromkeys(one_each, 0)
    assert rows_per_table(engine, metadata, KEPT, registry=False) == one_each
    # The cache counter went with the rest, yet the version read never goes back: a goal-list
    # page cached before the purge is not served after it.
    assert current_version(engine, PURGED) > version_before
    with engine.connect() as connection:
        counters = connection.execute(select_(metadata.tables["list_versions"].c.team_id)).scalars()
        assert sorted(counters) == sorted([EVERY_TEAM, KEPT])


def test_purging_a_workspace_with_no_rows_deletes_nothing(engine, sessions):
    with engine.begin() as connection:
        seed_every_table(connection, KEPT)
    assert set(purge_workspace(sessions, PURGED).values()) == {0}
    assert rows_per_table(engine, reflected(engine), KEPT, registry=False) == {n: 1 for n in WORKSPACE_TABLES}


@pytest.mark.parametrize("name", ["alembic_version", "no_such_table"])
def test_the_registry_refuses_a_table_that_is_not_a_workspaces(name):
    with pytest.raises(KeyError):
        workspace_rows(Table(name, MetaData(), Column("team_id", String(32))), KEPT)


def workspace_through_the_services(sessions, team_id: str) -> None:
    """A workspace's goal, measurement, named and anonymous check-ins with their answers, a
    follow-up and the outboxes' plans, written by the services themselves."""
    goal = make_goal(sessions, who=actor(team_id=team_id))
    objective_id = goal.objectives[0].id
    measure(sessions, objective_id, 80, team_id=team_id)
    people = ["U0ANNA", "U0BORIS", "U0CHLOE"]
    checkin_channel(sessions, team_id, CHANNEL, people, anonymous=False)
    checkin_channel(sessions, team_id, OTHER_CHANNEL, people, anonymous=True)
    plan_deliveries(sessions, now=MONDAY_1000, default_tz="UTC")
    flagged = {
        "follow_up": True,
        "follow_up_description": "The till jams at lunch",
        "numbers": {objective_id: 82},
    }
    answer(sessions, team_id, CHANNEL, "U0ANNA", "Reorder the cups before the rush", **flagged)
    answer(sessions, team_id, OTHER_CHANNEL, "U0BORIS", "Train the weekend staff on the till")
    plan_reports(sessions, now=MONDAY_1000, default_tz="UTC")
    plan_followup_messages(sessions, now=MONDAY_1000, default_tz=ZoneInfo("UTC"))


def test_child_rows_the_services_write_carry_their_parents_workspace(engine, sessions):
    # What makes `team_id = :team` find a workspace's child rows: no child names another team.
    for team_id in (PURGED, KEPT):
        workspace_through_the_services(sessions, team_id)
    metadata = reflected(engine)
    joined: dict[str, int] = {}
    with engine.connect() as connection:
        for child in metadata.tables.values():
            for key in child.foreign_keys:
                parent = key.column.table
                if child.name not in WORKSPACE_TABLES or parent is child:
                    continue
                pairs = select_(func.count()).select_from(child.join(parent, key.parent == key.column))
                name = f"{child.name}.{key.parent.name}"
                assert connection.scalar(pairs.where(child.c.team_id != parent.c.team_id)) == 0, name
                joined[name] = connection.scalar(pairs)
    exercised = {name for name, count in joined.items() if count}
    assert exercised >= {
        "objectives.goal_id",
        "measurements.objective_id",
        "checkin_deliveries.schedule_id",
        "checkin_answers.schedule_id",
        "checkin_answer_numbers.answer_id",
        "anonymous_answers.schedule_id",
        "theme_tallies.schedule_id",
        "theme_people.schedule_id",
        "follow_ups.answer_id",
        "follow_up_messages.follow_up_id",
    }
