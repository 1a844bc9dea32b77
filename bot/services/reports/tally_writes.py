"""Keeping the per-period tallies (models/theme_tallies.py) in step with each answer, in the
answer's own transaction: an answer or an edit moves them by the marks it adds and removes.

Both tables change with single statements that add to what is stored (INSERT … ON CONFLICT DO
UPDATE SET n = n + excluded.n), never with a read then a write, so two people answering at once
both count. Rows are written in key order, so two transactions touching the same tallies take
their row locks in the same order on PostgreSQL and cannot deadlock.
"""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Table, delete, tuple_, update
from sqlalchemy.orm import Session

from bot.domain.reports.tally_marks import Mark, MarkKind, tally_periods
from models.dialect import upsert_adding
from models.theme_tallies import ThemePerson, ThemeTally

_TALLIES: Table = ThemeTally.__table__  # type: ignore[assignment]
_PEOPLE: Table = ThemePerson.__table__  # type: ignore[assignment]
_COUNTS = ("named_people", "named_answers", "anonymous_answers")
_Change = tuple[str, Mark]  # (period id, mark)


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
    """Move the tallies of the answer's periods (its month and week) from `before`'s marks to
    `after`'s. `person_key` is the author's user id, or None for an anonymous answer. At most
    four statements, whatever the number of marks."""
    step = {mark: 1 for mark in after - before} | {mark: -1 for mark in before - after}
    if not step:
        return
    key = {"team_id": team_id, "schedule_id": schedule_id}
    changes = sorted((period, mark) for period in tally_periods(local_date) for mark in step)
    people: dict[_Change, int] = {}
    if person_key is not None:
        people = _people_joining(session, key, person_key, [c for c in changes if step[c[1]] > 0])
        people |= _people_leaving(session, key, person_key, [c for c in changes if step[c[1]] < 0])
    named = person_key is not None
    _add_to_tallies(
        session,
        [
            {
                **key,
                "period": period,
                "kind": mark.kind.value,
                "theme": mark.theme,
                "named_people": people.get((period, mark), 0),
                "named_answers": step[mark] if named else 0,
                "anonymous_answers": 0 if named else step[mark],
            }
            for period, mark in changes
        ],
    )


def _people_joining(
    session: Session, key: dict, person_key: str, changes: list[_Change]
) -> dict[_Change, int]:
    """+1 for each mark this person now carries for the first time in its period."""
    if not changes:
        return {}
    person = {**key, "person_key": person_key, "uses": 1}
    rows = [{**person, "period": p, "kind": m.kind.value, "theme": m.theme} for p, m in changes]
    key_columns = list(_PEOPLE.primary_key.columns.keys())
    statement = upsert_adding(session, _PEOPLE, key_columns, ["uses"], rows).returning(
        _PEOPLE.c.period, _PEOPLE.c.kind, _PEOPLE.c.theme, _PEOPLE.c.uses
    )
    return {(p, _mark(kind, theme)): 1 for p, kind, theme, uses in session.execute(statement) if uses == 1}


def _people_leaving(
    session: Session, key: dict, person_key: str, changes: list[_Change]
) -> dict[_Change, int]:
    """-1 for each mark this person no longer carries in any answer of its period."""
    if not changes:
        return {}
    where = [_PEOPLE.c[name] == value for name, value in key.items()] + [_PEOPLE.c.person_key == person_key]
    marked = tuple_(_PEOPLE.c.period, _PEOPLE.c.kind, _PEOPLE.c.theme).in_(
        [(p, m.kind.value, m.theme) for p, m in changes]
    )
    rows = session.execute(
        update(_PEOPLE)
        .where(*where, marked)
        .values(uses=_PEOPLE.c.uses - 1)
        .returning(_PEOPLE.c.period, _PEOPLE.c.kind, _PEOPLE.c.theme, _PEOPLE.c.uses)
    ).all()
    leaving = {(p, _mark(kind, theme)): -1 for p, kind, theme, uses in rows if uses <= 0}
    if leaving:
        periods = {p for p, _ in leaving}
        session.execute(delete(_PEOPLE).where(*where, _PEOPLE.c.period.in_(periods), _PEOPLE.c.uses <= 0))
    return leaving


def _add_to_tallies(session: Session, rows: Iterable[dict]) -> None:
    key_columns = list(_TALLIES.primary_key.columns.keys())
    session.execute(upsert_adding(session, _TALLIES, key_columns, list(_COUNTS), list(rows)))


def _mark(kind: str, theme: str) -> Mark:
    return Mark(MarkKind(kind), theme)
