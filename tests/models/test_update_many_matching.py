"""models.dialect.update_many_matching on SQLite and PostgreSQL, over report_posts: a stored row
whose `match` columns all equal a given row's gets that row's `set_from_rows` columns and the
shared `values`, if `where` holds; a row differing in any match column, or failing `where`, is
left alone and not returned; the result is the first match column's values of the rows changed;
no rows means no statement at all."""

from datetime import UTC, datetime

from sqlalchemy import event, select

from bot.domain.outbox import OutboxState
from models.base import Base
from models.dialect import update_many_matching
from models.reports import ReportPost
from tests.outbound.outbox.helpers import add_report_post

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)
TABLE = Base.metadata.tables["report_posts"]


def add(sessions, period: str, *, claimed_by: str = "w1", state: OutboxState = OutboxState.SENDING) -> int:
    return add_report_post(
        sessions, period=period, due_at=NOW, claimed_by=claimed_by, claimed_at=NOW, state=state
    )


def stored(sessions) -> dict[str, tuple]:
    with sessions() as session:
        rows = session.scalars(select(ReportPost))
        return {r.period: (r.state, r.claimed_by, r.message_channel, r.message_ts) for r in rows}


def sent(post_id: int, claimed_by: str, ts: str, period: str = "") -> dict:
    return {"id": post_id, "claimed_by": claimed_by, "message_channel": f"D{ts}", "message_ts": ts} | (
        {"period": period} if period else {}
    )


def update(sessions, rows, **kwargs) -> set:
    kwargs = {"match": ("id", "claimed_by"), "set_from_rows": ("message_channel", "message_ts")} | kwargs
    with sessions.begin() as session:
        return update_many_matching(session, TABLE, rows, **kwargs)


def test_matching_rows_get_their_own_values_and_the_shared_ones(sessions):
    a, b, c = add(sessions, "a"), add(sessions, "b"), add(sessions, "c")
    changed = update(
        sessions, [sent(a, "w1", "1.1"), sent(c, "w1", "3.3")], values={"state": OutboxState.SENT}
    )
    assert changed == {a, c}
    assert stored(sessions) == {
        "a": ("sent", "w1", "D1.1", "1.1"),
        "b": ("sending", "w1", None, None),
        "c": ("sent", "w1", "D3.3", "3.3"),
    }
    assert b not in changed


def test_a_row_differing_in_one_match_column_is_left_alone_and_not_returned(sessions):
    mine, taken_over = add(sessions, "mine"), add(sessions, "theirs", claimed_by="w2")
    changed = update(
        sessions,
        [sent(mine, "w1", "1.1"), sent(taken_over, "w1", "2.2"), sent(mine + taken_over + 99, "w1", "9.9")],
        values={"state": OutboxState.SENT},
    )
    assert changed == {mine}
    assert stored(sessions)["theirs"] == ("sending", "w2", None, None)


def test_where_conditions_are_honoured(sessions):
    sending, failed = add(sessions, "sending"), add(sessions, "failed", state=OutboxState.FAILED)
    changed = update(
        sessions,
        [sent(sending, "w1", "1.1"), sent(failed, "w1", "2.2")],
        where=[TABLE.c.state == OutboxState.SENDING],
    )
    assert changed == {sending}
    assert stored(sessions) == {
        "sending": ("sending", "w1", "D1.1", "1.1"),
        "failed": ("failed", "w1", None, None),
    }


def test_the_result_is_the_first_match_columns_values_of_the_rows_changed(sessions):
    a, b = add(sessions, "a"), add(sessions, "b", claimed_by="w2")
    changed = update(
        sessions,
        [sent(a, "w1", "1.1", period="a"), sent(b, "w1", "2.2", period="b")],
        match=("period", "id", "claimed_by"),
    )
    assert changed == {"a"}
    assert stored(sessions)["a"][3] == "1.1" and stored(sessions)["b"][3] is None


def test_no_rows_return_an_empty_set_and_run_no_statement(sessions, engine):
    add(sessions, "a")
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with sessions() as session:
            assert (
                update_many_matching(
                    session, TABLE, [], match=("id",), set_from_rows=(), values={"state": OutboxState.SENT}
                )
                == set()
            )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert statements == []
    assert stored(sessions)["a"][0] == "sending"
