"""Session events that bump `list_versions` (models/list_versions.py) with every change the goal
list could show, so no write path can forget to.

Watched: every model of models/goals.py (goals, objectives, measurements, the month's focus, and
strategies and tactics, cheap to include). After each flush the workspaces of the rows written
are noted on the session; just before the outermost commit they are bumped, last, so the
counter's row lock is held only for the commit itself. A DML statement run through the session on
a watched table (`session.execute(update(Goal)…)`) has no one workspace: it bumps EVERY_TEAM.
Writes that bypass the Session (a raw Connection, text SQL) are not seen: the app makes none on
these tables, and migrations run before the processes that cache.
"""

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.orm.attributes import instance_state

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
    if (state.is_insert or state.is_update or state.is_delete) and _writes_watched(state.statement):
        _teams(state.session).add(EVERY_TEAM)


def _writes_watched(statement: Any) -> bool:
    table = getattr(statement, "table", None)
    return table in _WATCHED_TABLES or getattr(table, "__table__", None) in _WATCHED_TABLES


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
