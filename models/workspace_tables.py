"""The registry of every table that holds a workspace's rows, and the one way to delete them.

Every such table carries its own `team_id`, child rows too (answer numbers, follow-up messages,
tactics): a workspace's rows are `team_id = :team` in each table, found without a join, and a
query is scoped the same way everywhere. A new table that holds a workspace's rows joins the
registry with a team_id of its own; tests/models/test_workspace_tables.py reflects the migrated
schema and fails for a table with a team_id, or a foreign key leading to one, that is not here.

`purge_workspace` deletes one workspace's rows from every table, children first (the uninstall
purge calls it).
"""

from sqlalchemy import ColumnElement, Table, delete
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.schema import sort_tables

from models.base import Base
from models.list_versions import retire

WORKSPACE_TABLES = frozenset(
    {
        # goals (models/goals.py)
        "goals",
        "objectives",
        "measurements",
        "strategies",
        "tactics",
        "monthly_focus",
        # who is asked (models/people.py)
        "people",
        "memberships",
        "holidays",
        # check-ins (models/checkins.py, models/answers.py)
        "checkin_schedules",
        "checkin_deliveries",
        "checkin_plans",
        "checkin_answers",
        "checkin_answer_numbers",
        "anonymous_answers",
        "anonymous_answer_numbers",
        "anonymous_closes",
        "anonymous_flags",
        # follow-ups (models/followups.py)
        "follow_ups",
        "follow_up_settings",
        "follow_up_messages",
        # reports (models/reports.py, models/theme_tallies.py)
        "report_settings",
        "report_posts",
        "report_cursors",
        "digest_snapshots",
        "theme_tallies",
        "theme_people",
        # the workspace itself: name, default zone, token state, uninstall (models/workspaces.py)
        "workspaces",
        # sending: who paces the workspace's messages (models/pacing.py), the clock's claimed jobs
        # (models/jobs.py; a job over every workspace is claimed under "*", no workspace's id)
        "workspace_leases",
        "job_claims",
        # installations: slack_sdk's rows of an "Add to Slack" install, its bot token among them
        # (models/installations.py; team_id is null only for an org-wide install, which is refused)
        "slack_installations",
        "slack_bots",
        # bookkeeping: Slack events already handled, the goal list's cache counter, the console's clock
        "processed_events",
        "list_versions",
        "console_clocks",
    }
)

# Tables that hold no workspace's rows, and why.
NOT_WORKSPACE_TABLES = {
    "alembic_version": "Alembic's revision of the schema: one row for the whole database",
    "slack_oauth_states": "an install's state, before Slack names any workspace (valid 10 minutes)",
}

# Deleted by `retire`, not by the loop: the cache counter must never go back (see list_versions).
_RETIRED = "list_versions"


def workspace_rows(table: Table, team_id: str) -> ColumnElement[bool]:
    """The condition that finds one workspace's rows in a registered table."""
    if table.name not in WORKSPACE_TABLES:
        raise KeyError(f"{table.name} is not a workspace table (models/workspace_tables.py)")
    return table.c.team_id == team_id


def purge_order() -> list[Table]:
    """The registered tables, each after every table whose rows point at it: children first, so
    no delete waits on a foreign key (nor relies on ON DELETE CASCADE reaching every child)."""
    tables = [table for table in Base.metadata.tables.values() if table.name in WORKSPACE_TABLES]
    return list(reversed(sort_tables(tables)))


def purge_workspace(sessions: sessionmaker[Session], team_id: str) -> dict[str, int]:
    """Delete every row of one workspace, in one transaction of its own; rows deleted per table.

    The statements go to the connection, not through the Session: its list-version events would
    bump the workspace's counter back into being at commit. `retire` settles the counter instead.
    """
    deleted: dict[str, int] = {}
    with sessions.begin() as session:
        connection = session.connection()
        for table in purge_order():
            if table.name != _RETIRED:
                result = connection.execute(delete(table).where(workspace_rows(table, team_id)))
                deleted[table.name] = result.rowcount
        deleted[_RETIRED] = retire(session, team_id)
    return deleted
