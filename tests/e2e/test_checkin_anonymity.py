"""An anonymous answer cannot be traced back: checked in every table (reflected, not listed by hand)
and in the logs, after answering through the HTTP entry point."""

import logging
from datetime import datetime

from sqlalchemy import MetaData, select

from handlers.ids import ActionId, BlockId, checkin_objective_block_id
from models import Objective
from models.answers import AnonymousAnswer
from tests.e2e.checkin_helpers import deliver, dm_messages, dm_reply, schedule_with_form, thread_replies
from tests.e2e.helpers import all_text, button_values, fill, opened_view
from tests.fixtures.bot import MEMBER

# Where the author's id may appear: who is asked, and the prompt sent (which only learns "answered").
MAY_NAME_THE_PERSON = {"people", "memberships", "checkin_deliveries"}
# theme_tallies counts named answers too, but none are made here: its rows are the anonymous one's.
ANONYMOUS_TABLES = {
    "anonymous_answers",
    "anonymous_answer_numbers",
    "anonymous_flags",
    "theme_tallies",
    "theme_people",
}
TRACEABLE_COLUMNS = ("user", "author", "delivery", "ts", "message", "created", "answered_at", "sent")


def _answer_anonymously(bot_server, make_goal) -> tuple[int, str]:
    goal_id = make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    delivery_id = deliver(bot_server)[MEMBER]
    prompt_ts = dm_messages(bot_server, MEMBER)[0]["ts"]
    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=MEMBER)
    view = opened_view(bot_server.standin, 2)
    assert "This check-in is anonymous" in all_text(view)
    with bot_server.sessions() as session:
        objective_id = session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).one()
    answers = {
        checkin_objective_block_id(objective_id): "83",
        BlockId.CHECKIN_CONFIDENCE: "2",
        BlockId.CHECKIN_OBSTACLES: "Short-staffed on weekends",
        BlockId.CHECKIN_FOLLOW_UP: ["follow_up"],
        BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION: "A customer is waiting on a refund",
    }
    status, answer = bot_server.submit(view, fill(view, answers), user_id=MEMBER)
    assert status == 200 and not answer, answer
    bot_server.standin.wait_for("chat.update")
    bot_server.standin.settle()
    return delivery_id, prompt_ts


def _all_rows(engine) -> tuple[MetaData, dict[str, list[dict]]]:
    """Every table as the database has it (reflected, so a new table or column is checked too)."""
    schema = MetaData()
    schema.reflect(bind=engine)
    with engine.connect() as connection:
        rows = {
            name: [dict(r._mapping) for r in connection.execute(t.select())]
            for name, t in schema.tables.items()
        }
    return schema, rows


def _assert_untraceable(schema: MetaData, rows: dict[str, list[dict]], prompt_ts: str, caplog) -> None:
    """No row outside who-is-asked names the person; the anonymous tables hold no prompt, time or
    link; no log line names the person or the answer."""
    (answer_id,) = [r["id"] for r in rows["anonymous_answers"]]
    for name, table_rows in rows.items():
        for row in table_rows:
            if name not in MAY_NAME_THE_PERSON:
                assert MEMBER not in repr(row), (name, row)
            else:
                assert answer_id not in repr(row), (name, row)  # the person's rows don't know it
            if name in ANONYMOUS_TABLES:
                assert prompt_ts not in repr(row), (name, row)
                assert not any(isinstance(v, datetime) for v in row.values()), (name, row)
    for name in ANONYMOUS_TABLES:
        table = schema.tables[name]
        assert not [c.name for c in table.columns if any(word in c.name for word in TRACEABLE_COLUMNS)], name
        assert {fk.column.table.name for fk in table.foreign_keys} <= {
            "checkin_schedules",
            "anonymous_answers",
        }
    leaks = [
        r.getMessage() for r in caplog.records if MEMBER in r.getMessage() or answer_id in r.getMessage()
    ]
    assert leaks == []


def test_an_anonymous_answer_leaves_no_trace_of_its_author_in_any_table_or_log(
    bot_server, make_goal, engine, caplog
):
    caplog.set_level(logging.INFO)  # what runs in production; DEBUG is Bolt echoing whole payloads
    delivery_id, prompt_ts = _answer_anonymously(bot_server, make_goal)

    schema, rows = _all_rows(engine)
    assert rows["anonymous_answers"] and rows["anonymous_answer_numbers"]  # it was stored
    (answer_id,) = [r["id"] for r in rows["anonymous_answers"]]
    assert {r["theme"] for r in rows["theme_tallies"] if r["kind"] == "word"} == {
        "short",
        "staffed",
        "weekend",
    }  # its words, counted
    assert all(r["anonymous_answers"] == 1 and not r["named_people"] for r in rows["theme_tallies"])
    assert not rows["theme_people"]  # no key of any kind, not even the answer's own id
    assert answer_id not in repr(rows["theme_tallies"])
    _assert_untraceable(schema, rows, prompt_ts, caplog)
    # Its follow-up is held with no author, time or serial id until its post may go out; its number
    # makes no measurement yet: it counts only as its day's median, once the day closes.
    assert [r["description"] for r in rows["anonymous_flags"]] == ["A customer is waiting on a refund"]
    assert rows["follow_ups"] == []
    assert [r["value"] for r in rows["anonymous_answer_numbers"]] == [83]
    assert not [r for r in rows["measurements"] if r["value"] == 83]
    # The prompt row learns only that it was answered.
    prompt = next(r for r in rows["checkin_deliveries"] if r["id"] == delivery_id)
    assert prompt["answered"] is True or prompt["answered"] == 1


def test_two_dm_replies_make_one_anonymous_answer_that_still_leaves_no_trace(
    bot_server, make_goal, engine, caplog
):
    caplog.set_level(logging.INFO)
    goal_id = make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    delivery_id = deliver(bot_server)[MEMBER]
    prompt_ts = dm_messages(bot_server, MEMBER)[0]["ts"]
    with bot_server.sessions() as session:
        objective_id = session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).one()
    before = _all_rows(engine)[0]

    dm_reply(bot_server, f"Refunds are slow. O{objective_id} 82", ts="1764000000.000200")
    bot_server.standin.wait_for("chat.update")
    bot_server.standin.settle()
    dm_reply(bot_server, f"Weekends are short-staffed. O{objective_id} 85", ts="1764000000.000300")
    [confirmation] = thread_replies(bot_server, "1764000000.000300")
    assert "✓" in all_text(confirmation)

    schema, rows = _all_rows(engine)
    # No table or column came with it: what the reply path reads is Slack's copy of the prompt.
    assert {n: [c.name for c in t.columns] for n, t in schema.tables.items()} == {
        n: [c.name for c in t.columns] for n, t in before.tables.items()
    }
    [answer] = rows["anonymous_answers"]
    assert answer["expectations"] == "Refunds are slow.\nWeekends are short-staffed."
    assert [(r["objective_id"], r["value"]) for r in rows["anonymous_answer_numbers"]] == [(objective_id, 85)]
    _assert_untraceable(schema, rows, prompt_ts, caplog)
    for reply_ts in ("1764000000.000200", "1764000000.000300"):  # the replies' own ids are kept nowhere
        assert not [n for n, table_rows in rows.items() if reply_ts in repr(table_rows)]
    prompt = next(r for r in rows["checkin_deliveries"] if r["id"] == delivery_id)
    assert prompt["answered"] is True or prompt["answered"] == 1


def test_the_anonymous_answer_stores_its_date_and_only_its_own_dm_can_edit_it(bot_server, make_goal):
    _answer_anonymously(bot_server, make_goal)
    with bot_server.sessions() as session:
        stored = session.scalars(select(AnonymousAnswer)).one()
        assert str(stored.local_date) == "2026-11-23"
    edit = button_values(dm_messages(bot_server, MEMBER)[0]["blocks"], ActionId.CHECKIN_EDIT)[0]
    assert stored.id in edit

    bot_server.click(ActionId.CHECKIN_EDIT, edit, user_id=MEMBER)
    view = opened_view(bot_server.standin, 3)
    assert fill(view)[BlockId.CHECKIN_OBSTACLES]["input"]["value"] == "Short-staffed on weekends"
    status, answer = bot_server.submit(view, fill(view, {BlockId.CHECKIN_CONFIDENCE: "4"}), user_id=MEMBER)
    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        assert session.scalars(select(AnonymousAnswer.confidence)).all() == [4]


def test_a_second_anonymous_answer_without_the_edit_button_is_refused(bot_server, make_goal):
    delivery_id, _ = _answer_anonymously(bot_server, make_goal)
    _, _, url = bot_server.click(ActionId.CHECKIN_CONFIDENCE_5, str(delivery_id), user_id=MEMBER)
    bot_server.standin.settle()
    assert "Edit button" in " ".join(all_text(b) for b in bot_server.awaited_replies(url))
    with bot_server.sessions() as session:
        assert session.scalars(select(AnonymousAnswer.confidence)).all() == [2]
