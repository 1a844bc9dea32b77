"""Session events that bump `list_versions` (models/list_versions.py) with every change the goal
list could show, so no write path can forget to.

Watched: every model of models/goals.py (goals, objectives, measurements, the month's focus, and
strategies and tactics, cheap to include). After each flush the workspaces of the rows written
are noted on the session; just before the outermost commit they are bumped, last, so the
counter's row lock is held only for the commit itself.

A DML statement run through the session on a watched table (`session.execute(update(Goal)…)`)
bumps the workspaces it names: an UPDATE or DELETE whose WHERE requires `team_id == 'T…'` (or
`team_id IN (…)`), an INSERT whose every row carries its team_id. When the statement does not say
(no such condition, one under an OR, a bound value given later, an UPDATE that sets team_id), it
bumps EVERY_TEAM, which every workspace's version includes: erring towards a re-read, never
towards a stale page. Writes that bypass the Session (a raw Connection, text SQL) are not seen:
the app makes none on these tables but the purge (models/workspace_tables.py), which retires the
workspace's counter itself, and migrations run before the processes that cache.
"""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, BooleanClauseList, ColumnElement

from models.goals import Goal, Measurement, MonthlyFocus, Objective, Strategy, Tactic
from models.list_versions import EVERY_TEAM, bump

WATCHED = (Goal, Objective, Measurement, MonthlyFocus, Strategy, Tactic)
_WATCHED_TABLES = frozenset(model.__table__ for model in WATCHED)
_KEY = "list_versions.teams"


def _teams(session: Session) -> set[str]:
    return session.info.setdefault(_KEY, set())


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context: Any) -> None:
    # After a flush, new/dirty/deleted still hold what was just written.
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, WATCHED):
            team_id = instance_state(instance).dict.get("team_id")
            _teams(session).add(team_id if isinstance(team_id, str) else EVERY_TEAM)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = _watched_table(state.statement)
    if table is not None:
        named = _inserted_teams(state) if state.is_insert else _teams_required(state, table)
        _teams(state.session).update(named or {EVERY_TEAM})


def _watched_table(statement: Any) -> Any:
    # update(Goal) carries the mapped class's table, annotated; update(table) the table itself.
    table = getattr(statement, "table", None)
    table = getattr(table, "__table__", table)
    if isinstance(table, Table):
        table = table._deannotate()
    return table if table in _WATCHED_TABLES else None


def _teams_required(state: ORMExecuteState, table: Any) -> set[str]:
    """The workspaces an UPDATE or DELETE is limited to by its WHERE; empty when it is not, or
    when an UPDATE moves rows to another workspace (then both lists change)."""
    statement: Any = state.statement
    given: Any = state.parameters
    sets = {**statement.compile().params, **(given if isinstance(given, dict) else {})}
    if "team_id" in sets or isinstance(given, list):  # a new team_id; or per-row statements
        return set()
    for condition in _conjuncts(getattr(statement, "whereclause", None)):
        if not isinstance(condition, BinaryExpression):
            continue
        column, value = condition.left, condition.right
        if getattr(column, "key", None) != "team_id" or getattr(column, "table", None) is not table:
            continue
        if not isinstance(value, BindParameter) or value.callable is not None:
            continue
        if condition.operator is operators.eq and isinstance(value.value, str):
            return {value.value}
        named = value.value if isinstance(value.value, list | tuple) else []
        if condition.operator is operators.in_op and named and all(isinstance(t, str) for t in named):
            return set(named)
    return set()


def _conjuncts(clause: ColumnElement[Any] | None) -> Iterator[ColumnElement[Any]]:
    # Only what every row must satisfy: the parts of a top-level AND, never the branches of an OR.
    if isinstance(clause, BooleanClauseList) and clause.operator is operators.and_:
        for part in clause.clauses:
            yield from _conjuncts(part)
    elif clause is not None:
        yield clause


def _inserted_teams(state: ORMExecuteState) -> set[str]:
    """The workspaces of an INSERT's rows when every row names its own; empty otherwise. An
    upsert (ON CONFLICT) may change a row it did not write, and INSERT … SELECT names no row."""
    statement: Any = state.statement
    if getattr(statement, "_post_values_clause", None) is not None or statement.select is not None:
        return set()
    given: Any = state.parameters
    rows = given if isinstance(given, list) else [given or {}]
    values = statement.compile().params  # .values(team_id=…) on a one-row INSERT
    teams = [row.get("team_id", values.get("team_id")) for row in rows]
    return set(teams) if teams and all(isinstance(team, str) for team in teams) else set()


@event.listens_for(Session, "before_commit")
def _bump_before_commit(session: Session) -> None:
    # The commit's own flush comes after this hook; flush here so its rows are noted too.
    session.flush()
    if session.in_nested_transaction():
        return  # a savepoint's release: the outermost commit bumps, last, as everywhere
    teams = session.info.pop(_KEY, None)
    if teams:
        bump(session, teams)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    # Only the outermost: a savepoint's end must not drop what the enclosing transaction wrote.
    if transaction.parent is None:
        session.info.pop(_KEY, None)
