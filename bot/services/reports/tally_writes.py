"""Keeping the per-period tallies (models/theme_tallies.py) in step with each answer, in the
answer's own transaction: an answer or an edit moves them by the marks it adds and removes.

Both tables change with single statements that add to what is stored (INSERT … ON CONFLICT DO
UPDATE SET n = n + excluded.n), never with a read then a write, so two people answering at once
both count. Rows are written in key order, so two transactions touching the same tallies take
their row locks in the same order on PostgreSQL and cannot deadlock.
"""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Table, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.domain.reports.tally_marks import Mark, MarkKind, tally_periods
from models.theme_tallies import ThemePerson, ThemeTally

_TALLIES: Table = ThemeTally.__table__  # type: ignore[assignment]
_PEOPLE: Table = ThemePerson.__table__  # type: ignore[assignment]
_COUNTS = ("named_people", "named_answers", "anonymous_answers")


def retally_answer(
    session: Session,
    *,
    team_id: str,
    schedule_id: int,
    local_date: date,
    person_key: str | None,
    before: frozenset[Mark],
    after: frozenset[Mark],
) -> None:
    """Move the tallies of the answer's periods from `before`'s marks to `after`'s.
    `person_key` is the author's user id, or None for an anonymous answer."""
    added, removed = sorted(after - before), sorted(before - after)
    if not added and not removed:
        return
    for period in tally_periods(local_date):
        key = {"team_id": team_id, "schedule_id": schedule_id, "period": period}
        people: dict[Mark, int] = {}
        if person_key is not None:
            people = _people_joining(session, key, person_key, added)
            people |= _people_leaving(session, key, person_key, removed)
        step = {mark: 1 for mark in added} | {mark: -1 for mark in removed}
        _add_to_tallies(
            session,
            [
                {
                    **key,
                    "kind": mark.kind.value,
                    "theme": mark.theme,
                    "named_people": people.get(mark, 0),
                    "named_answers": step[mark] if person_key is not None else 0,
                    "anonymous_answers": step[mark] if person_key is None else 0,
                }
                for mark in sorted(step)
            ],
        )


def _people_joining(session: Session, key: dict, person_key: str, marks: list[Mark]) -> dict[Mark, int]:
    """+1 for each mark this person now carries for the first time in the period."""
    if not marks:
        return {}
    rows = [
        {**key, "person_key": person_key, "kind": m.kind.value, "theme": m.theme, "uses": 1} for m in marks
    ]
    insert = _insert(session, _PEOPLE).values(rows)
    statement = insert.on_conflict_do_update(
        index_elements=list(_PEOPLE.primary_key.columns.keys()),
        set_={"uses": _PEOPLE.c.uses + insert.excluded.uses},
    ).returning(_PEOPLE.c.kind, _PEOPLE.c.theme, _PEOPLE.c.uses)
    return {_mark(kind, theme): 1 for kind, theme, uses in session.execute(statement) if uses == 1}


def _people_leaving(session: Session, key: dict, person_key: str, marks: list[Mark]) -> dict[Mark, int]:
    """-1 for each mark this person no longer carries in any answer of the period."""
    leaving: dict[Mark, int] = {}
    where = [_PEOPLE.c[name] == value for name, value in key.items()] + [_PEOPLE.c.person_key == person_key]
    for mark in marks:
        this = [*where, _PEOPLE.c.kind == mark.kind.value, _PEOPLE.c.theme == mark.theme]
        uses = session.execute(
            update(_PEOPLE).where(*this).values(uses=_PEOPLE.c.uses - 1).returning(_PEOPLE.c.uses)
        ).scalar()
        if uses is not None and uses <= 0:
            session.execute(delete(_PEOPLE).where(*this))
            leaving[mark] = -1
    return leaving


def _add_to_tallies(session: Session, rows: Iterable[dict]) -> None:
    rows = list(rows)
    insert = _insert(session, _TALLIES).values(rows)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=list(_TALLIES.primary_key.columns.keys()),
            set_={name: _TALLIES.c[name] + insert.excluded[name] for name in _COUNTS},
        )
    )


def _mark(kind: str, theme: str) -> Mark:
    return Mark(MarkKind(kind), theme)


def _insert(session: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
