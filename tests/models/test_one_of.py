"""models.dialect.one_of on SQLite and PostgreSQL: the rows whose column is one of the values,
ints and strings alike, none for no values; on PostgreSQL one array parameter, so the statement's
text is the same however many values (an IN list writes a placeholder per value)."""

from datetime import UTC, datetime

from sqlalchemy import event, select

from models.dialect import one_of
from models.reports import ReportPost
from tests.outbound.outbox.helpers import add_report_post

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)


def periods_where(sessions, column, values) -> list[str]:
    with sessions() as session:
        query = select(ReportPost.period).where(one_of(session, column, values)).order_by(ReportPost.period)
        return list(session.scalars(query))


def test_the_rows_whose_column_is_one_of_the_values(sessions):
    ids = [add_report_post(sessions, period=f"2027-0{n}", due_at=NOW) for n in range(1, 5)]
    assert periods_where(sessions, ReportPost.id, [ids[0], ids[2], 10_000]) == ["2027-01", "2027-03"]
    assert periods_where(sessions, ReportPost.period, {"2027-02", "2027-04", "nope"}) == [
        "2027-02",
        "2027-04",
    ]
    assert periods_where(sessions, ReportPost.id, []) == []


def test_on_postgresql_the_statement_is_the_same_however_many_values(sessions, engine):
    ids = [add_report_post(sessions, period=f"2027-{n:02}", due_at=NOW) for n in range(1, 13)]
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    assert len(periods_where(sessions, ReportPost.id, ids[:2])) == 2
    assert len(periods_where(sessions, ReportPost.id, ids)) == 12
    if engine.dialect.name == "postgresql":
        assert statements[0] == statements[1]
    else:
        assert statements[0] != statements[1]  # SQLite: an IN list, written out per value
