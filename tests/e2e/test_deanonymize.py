"""Trying to de-anonymize an anonymous check-in, as a curious manager would: four people answer in
a known order with text, numbers and follow-ups of their own; every surface a person can reach
(messages and threads, App Home, `/goals show`, `/goals report`, `/goals followups`, `/checkin
status`, the export, every table, the log at DEBUG) is read for the author next to their content,
for the order they answered in, and for anything that moves while fewer than the minimum answered.
"""

import csv
import io
import json
import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import MetaData, select

from bot.entrypoints.logs import WITHHELD
from bot.entrypoints.tick import run_passes
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from handlers.ids import ActionId, BlockId, checkin_objective_block_id
from models import Measurement, Objective
from tests.e2e.checkin_helpers import checkin, deliver, dm_reply, schedule_with_form
from tests.e2e.helpers import all_text, fill, opened_view
from tests.fixtures.bot import CHANNEL, MEMBER, OWNER, TEAM

ANA, BEN = "U_ANA", "U_BEN"
# In the order they answer: who, their text, their number, the follow-up they flag. The last one
# answers by replying in the DM, the others with the form.
ANSWERS = (
    (MEMBER, "Refunds take nine days", 60, "Mrs Okafor wants her refund"),
    (ANA, "Hold music loops forever", 95, "Mr Dube lost a parcel"),
    (OWNER, "Weekend rota is thin", 82, "Ms Lund needs an invoice"),
    (BEN, "Chat widget crashes daily.", 70, None),
)
TEXTS = [text for _, text, _, _ in ANSWERS] + [flag for *_, flag in ANSWERS if flag]
# Prompts went out on Monday 2026-11-23; that day has closed everywhere, and its follow-ups are
# out of their hold, by Wednesday 13:00 UTC (08:00 in New York, before that day's prompt).
AFTER_CLOSE = datetime(2026, 11, 25, 13, tzinfo=UTC)


def _answer(bot_server, delivery_id: int, user_id: str, text: str, number: int, flag: str | None, nth: int):
    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=user_id)
    view = opened_view(bot_server.standin, nth + 1)  # the schedule form was the first
    given = {
        checkin_objective_block_id(_objective_id(bot_server)): str(number),
        BlockId.CHECKIN_OBSTACLES: text,
    }
    if flag:
        given |= {BlockId.CHECKIN_FOLLOW_UP: ["follow_up"], BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION: flag}
    status, answer = bot_server.submit(view, fill(view, given), user_id=user_id)
    assert status == 200 and not answer, answer
    bot_server.standin.wait_for("chat.update", count=nth)
    bot_server.standin.settle()


def _objective_id(bot_server) -> int:
    with bot_server.sessions() as session:
        return session.scalars(select(Objective.id)).one()


def _command(bot_server, text: str) -> str:
    status, ack, url = bot_server.command(text)
    assert status == 200
    bot_server.standin.settle()
    return all_text(ack) + " " + " ".join(all_text(r) for r in bot_server.replies(url))


def _home(bot_server, user_id: str) -> str:
    before = len(bot_server.standin.calls("views.publish"))
    bot_server.event({"type": "app_home_opened", "user": user_id, "tab": "home", "channel": "D1"})
    return all_text(bot_server.standin.wait_for("views.publish", count=before + 1)[before].body["view"])


def _export(bot_server) -> dict[str, list[list[str]]]:
    standin = bot_server.standin
    before, shared = len(standin.uploads()), len(standin.calls("files.completeUploadExternal"))
    _command(bot_server, "export 2026-11")
    standin.wait_for("files.completeUploadExternal", count=shared + 1)
    standin.settle()
    return {
        u.filename: list(csv.reader(io.StringIO((u.data or b"").decode())))
        for u in standin.uploads()[before:]
        if u.filename.endswith(".csv")
    }


def _surfaces(bot_server, goal_id: int) -> dict[str, str]:
    """What a person can read, except /checkin status and digests (their answer rate may move)."""
    return {
        "show": _command(bot_server, f"show G{goal_id}"),
        "followups": _command(bot_server, "followups"),
        "home": _home(bot_server, OWNER),
        "export": json.dumps(_export(bot_server), sort_keys=True),
    }


def _everything_posted(bot_server) -> str:
    """Every message, thread reply, update and upload the bot made, in the order it made them."""
    bodies = [json.dumps(c.body) for c in bot_server.standin.calls() if c.method.startswith("chat.")]
    files = [(u.data or b"").decode() for u in bot_server.standin.uploads() if u.filename.endswith(".csv")]
    return "\n".join(bodies + files)


def _tables(engine) -> dict[str, list[dict]]:
    schema = MetaData()
    schema.reflect(bind=engine)
    with engine.connect() as connection:
        return {
            n: [dict(r._mapping) for r in connection.execute(t.select())] for n, t in schema.tables.items()
        }


def test_nobody_can_tell_who_answered_what_or_in_which_order(bot_server, make_goal, engine, caplog):
    caplog.set_level(logging.DEBUG)  # Bolt and slack_sdk echo whole payloads at DEBUG
    for user in (ANA, BEN):
        bot_server.standin.add_user(user, team_id=TEAM, name=user[2:].lower(), channels=(CHANNEL,))
    goal_id = make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    deliveries = deliver(bot_server)
    assert set(deliveries) == {MEMBER, ANA, OWNER, BEN}
    nothing_yet = _surfaces(bot_server, goal_id)

    # Below the minimum (1, then 2 answers) nothing any surface shows moves; status says the rate.
    for nth, (user, text, number, flag) in enumerate(ANSWERS[:2], start=1):
        _answer(bot_server, deliveries[user], user, text, number, flag, nth)
        assert _surfaces(bot_server, goal_id) == nothing_yet
        _, status, _ = checkin(bot_server, "status")
        assert f"*{nth}/4* answered" in all_text(status) and not any(t in all_text(status) for t in TEXTS)
        assert not any(person in all_text(status) for person in (MEMBER, ANA, BEN))
    report = _command(bot_server, "report week")
    bot_server.standin.settle()
    posted = _everything_posted(bot_server)
    assert not any(text in posted for text in TEXTS), "below the minimum, nothing of it is shown"
    assert "60" not in _surfaces(bot_server, goal_id)["show"] and "95" not in report

    # At the minimum and past it: still no number until the day closes, no follow-up until posted.
    user, text, number, flag = ANSWERS[2]
    _answer(bot_server, deliveries[user], user, text, number, flag, 3)
    user, text, number, _ = ANSWERS[3]
    dm_reply(
        bot_server, f"{text} O{_objective_id(bot_server)} {number}", ts="1764000000.000400", user_id=user
    )
    bot_server.standin.wait_for("chat.update", count=4)
    bot_server.standin.settle()
    open_day = _surfaces(bot_server, goal_id)
    assert open_day["show"] == nothing_yet["show"] and open_day["followups"] == nothing_yet["followups"]
    assert not any(flag in open_day["export"] for *_, flag in ANSWERS if flag)
    held = _tables(engine)
    assert held["follow_ups"] == [] and len(held["anonymous_flags"]) == 3
    assert not any(u in repr(held["anonymous_flags"]) for u, *_ in ANSWERS)
    with bot_server.sessions() as session:
        assert session.scalars(select(Measurement).where(Measurement.user_id.is_(None))).all() == []

    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    tick = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "test")
    bot_server.clock.now = AFTER_CLOSE
    for _ in range(2):  # a repeated tick counts nothing twice
        run_passes(tick, AFTER_CLOSE)
    bot_server.standin.settle()
    with bot_server.sessions() as session:
        [median] = session.scalars(select(Measurement).where(Measurement.user_id.is_(None))).all()
    assert (median.value, median.note) == (76, "median of 4 anonymous answers")  # of 60, 95, 82, 70
    closed = _surfaces(bot_server, goal_id)
    assert "76" in closed["show"]
    assert all(flag in closed["followups"] for *_, flag in ANSWERS if flag)

    # The export: one row per answered question, sorted by content, never by who answered first.
    files = _export(bot_server)
    answers = files["answers-anonymous-2026-11.csv"]
    assert answers[0] == ["date", "question", "answer"]
    assert answers[1:] == sorted(answers[1:])
    given = [r[2] for r in answers[1:] if r[2] in TEXTS]
    assert sorted(given) == sorted(text for _, text, _, _ in ANSWERS)
    assert given != [text for _, text, _, _ in ANSWERS]  # 4th, 2nd, 1st, 3rd: by question, then text
    followups = files["followups-2026-11.csv"]
    assert {r[1] for r in followups[1:]} == {flag for *_, flag in ANSWERS if flag}
    assert all(r[3].endswith("+00:00") and "T00:00" not in r[3] for r in followups[1:])  # the real due time

    # No message, table or log line puts an author next to their content.
    posted = _everything_posted(bot_server)
    for user, text, _, flag in ANSWERS:
        for line in posted.splitlines():
            assert not (text in line and user in line), line
            assert not (flag and flag in line and user in line), line
    tables = _tables(engine)
    for name, rows in tables.items():  # every table, as the database has it: no row ties the two
        for row in map(repr, rows):
            for user, text, _, flag in ANSWERS:
                assert not (user in row and (text in row or (flag and flag in row))), (name, row)
    for name in ("anonymous_answers", "anonymous_answer_numbers", "anonymous_closes", "theme_tallies"):
        assert not any(u in repr(tables[name]) for u, *_ in ANSWERS), name
    assert tables["anonymous_flags"] == []  # all released to follow_ups, in order of their text
    by_id = sorted((r["id"], r["description"]) for r in tables["follow_ups"])
    assert [d for _, d in by_id] == sorted(flag for *_, flag in ANSWERS if flag)
    anonymous_followups = [r for r in tables["follow_ups"] if r["description"] in TEXTS]
    assert anonymous_followups and all(
        r["author_id"] is None and r["created_at"] is None for r in anonymous_followups
    )
    lines = [record.getMessage() for record in caplog.records]
    assert any(WITHHELD in line for line in lines)  # Bolt's own payload logging ran, and was cut
    for line in lines:
        assert not any(text in line for text in TEXTS) or not any(u in line for u, *_ in ANSWERS), line
    at_info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not [line for line in at_info if any(text in line for text in TEXTS)]
