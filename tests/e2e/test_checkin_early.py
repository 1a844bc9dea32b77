"""`/checkin` opens today's check-in at any time (issue 11 §5.14): before its prompt time (a shift
starting at 07:00 answers the 09:00 check-in) and while away. The answer counts as one to today's
prompt, which then is not sent; an anonymous one stays as untraceable as any other."""

import json
from datetime import date, timedelta

from sqlalchemy import MetaData, select

from handlers.ids import ActionId, BlockId
from models.answers import AnonymousAnswer, Answer
from models.checkins import Delivery
from tests.e2e.checkin_helpers import PROMPT_AT, checkin, deliver, dm_messages, schedule_with_form
from tests.e2e.helpers import all_text, button_values, fill, opened_view
from tests.fixtures.bot import MEMBER, OWNER

TODAY = date(2026, 11, 23)  # the fixture's Monday; the prompt is at 10:30 New York, 15:30 UTC
EARLY = PROMPT_AT - timedelta(hours=3, minutes=30)  # 07:00 in New York


def _answer_early(bot_server, nth_view: int, text: str = "Faster call-backs") -> None:
    bot_server.clock.now = EARLY
    status, ack, _ = checkin(bot_server, "", user_id=MEMBER)
    assert status == 200 and "No check-in is open" not in json.dumps(ack)
    view = opened_view(bot_server.standin, nth_view)
    assert "late" not in all_text(view).lower()
    answers = {BlockId.CHECKIN_CONFIDENCE: "4", BlockId.CHECKIN_EXPECTATIONS: text}
    status, answer = bot_server.submit(view, fill(view, answers), user_id=MEMBER)
    assert status == 200 and not answer, answer
    bot_server.standin.wait_for("chat.postMessage")  # the "answered ✓" receipt in the person's DM
    bot_server.standin.settle()


def _schedule(bot_server) -> None:
    """The quick schedule at 10:30, once its members are stored (its count is told after that)."""
    _, _, url = checkin(bot_server, "schedule mon,wed,fri 10:30")
    assert "asks 2 people" in all_text(bot_server.awaited_replies(url)[0])


def _prompted(bot_server) -> set[str]:
    return set(deliver(bot_server, PROMPT_AT))


def test_checkin_before_the_prompt_time_answers_today_and_the_prompt_is_not_sent(bot_server, make_goal):
    make_goal()
    _schedule(bot_server)
    _answer_early(bot_server, 1)

    with bot_server.sessions() as session:
        stored = session.scalars(select(Answer)).one()
        assert (stored.user_id, stored.local_date, stored.late) == (MEMBER, TODAY, False)
    receipt = dm_messages(bot_server, MEMBER)[0]
    assert "✓" in all_text(receipt) and button_values(receipt["blocks"], ActionId.CHECKIN_EDIT)
    # App Home's "Next" is the next prompt that will come: Wednesday's, not today's answered one.
    bot_server.event({"type": "app_home_opened", "user": MEMBER, "tab": "home", "channel": "D1"})
    home = all_text(bot_server.standin.wait_for("views.publish")[0].body["view"])
    assert "Next:" in home and "Wed 25 Nov at 10:30" in home and "Mon 23 Nov" not in home
    assert _prompted(bot_server) == {OWNER}  # no prompt for something already answered
    assert len(dm_messages(bot_server, MEMBER)) == 1

    # Once the prompt time has passed, /checkin opens the same answer to edit it.
    checkin(bot_server, "", user_id=MEMBER)
    assert "Faster call-backs" in json.dumps(opened_view(bot_server.standin, 2))


def test_checkin_early_works_while_away(bot_server, make_goal):
    make_goal()
    _schedule(bot_server)
    checkin(bot_server, "away 2w", user_id=MEMBER)
    _answer_early(bot_server, 1)
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer.local_date)).one() == TODAY
    assert _prompted(bot_server) == {OWNER}


def test_an_early_anonymous_answer_counts_for_today_and_leaves_no_trace_of_its_author(bot_server, make_goal):
    make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    _answer_early(bot_server, 2, text="Refunds take too long")

    assert _prompted(bot_server) == {OWNER}
    with bot_server.sessions() as session:
        stored = session.scalars(select(AnonymousAnswer)).one()
        assert (stored.local_date, stored.late, stored.expectations) == (
            TODAY,
            False,
            "Refunds take too long",
        )
        mine = session.scalars(select(Delivery).where(Delivery.user_id == MEMBER)).one()
        assert (mine.answered, mine.sent_at, mine.message_ts) == (True, None, None)
    schema = MetaData()
    schema.reflect(bind=bot_server.sessions.kw["bind"])
    with bot_server.sessions() as session:
        for name in ("anonymous_answers", "anonymous_answer_numbers", "theme_tallies", "follow_ups"):
            for row in session.execute(schema.tables[name].select()):
                text = " ".join(str(value) for value in row)
                assert MEMBER not in text and "07:00" not in text and "12:00" not in text, (name, row)
    # Only the person's own DM receipt carries the answer's id, for its Edit button.
    [edit] = button_values(dm_messages(bot_server, MEMBER)[0]["blocks"], ActionId.CHECKIN_EDIT)
    assert stored.id in edit
    bot_server.click(ActionId.CHECKIN_EDIT, edit, user_id=MEMBER)  # after the prompt time, too
    assert "Refunds take too long" in json.dumps(opened_view(bot_server.standin, 3))
