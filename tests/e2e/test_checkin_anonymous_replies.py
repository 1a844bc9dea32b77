"""DM replies to an anonymous check-in: a second reply joins the person's one anonymous answer, found
through the Edit button on their own prompt message (nothing stored links them); when that message
cannot be read, the reply is refused with what to do instead."""

from sqlalchemy import select

from bot.slack.standin.directory import dm_id
from handlers.ids import ActionId, BlockId
from models import Measurement, Objective
from models.answers import AnonymousAnswer, AnonymousAnswerNumber
from tests.e2e.checkin_helpers import deliver, dm_messages, dm_reply, schedule_with_form, thread_replies
from tests.e2e.helpers import all_text, button_values
from tests.fixtures.bot import MEMBER

FIRST_TS, SECOND_TS = "1764000000.000200", "1764000000.000300"


def _anonymous_checkin_with_one_reply(bot_server, make_goal) -> int:
    """An anonymous check-in delivered, and the person's first DM reply (O<id> 82) shown as answered."""
    goal_id = make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    deliver(bot_server)
    with bot_server.sessions() as session:
        objective_id = session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).one()
    dm_reply(bot_server, f"Customers want call-backs within a day. O{objective_id} 82", ts=FIRST_TS)
    assert "✓" in all_text(thread_replies(bot_server, FIRST_TS)[0])
    bot_server.standin.wait_for("chat.update")  # the prompt now says answered, with its Edit button
    bot_server.standin.settle()
    assert button_values(dm_messages(bot_server, MEMBER)[-1]["blocks"], ActionId.CHECKIN_EDIT)
    return objective_id


def test_a_second_dm_reply_joins_the_same_anonymous_answer(bot_server, make_goal):
    objective_id = _anonymous_checkin_with_one_reply(bot_server, make_goal)

    dm_reply(bot_server, f"Weekends are short-staffed. O{objective_id} 85", ts=SECOND_TS)

    [confirmation] = thread_replies(bot_server, SECOND_TS)
    assert "✓" in all_text(confirmation) and "already answered" not in all_text(confirmation)
    with bot_server.sessions() as session:
        answer = session.scalars(select(AnonymousAnswer)).one()
        assert answer.expectations == "Customers want call-backs within a day.\nWeekends are short-staffed."
        numbers = session.execute(select(AnonymousAnswerNumber.objective_id, AnonymousAnswerNumber.value))
        assert numbers.all() == [(objective_id, 85)]
        assert session.scalars(select(Measurement.value)).all() == []  # counted at the close
    # The prompt, updated again, still edits that one answer.
    [edit] = button_values(dm_messages(bot_server, MEMBER)[-1]["blocks"], ActionId.CHECKIN_EDIT)
    assert answer.id in edit
    reads = bot_server.standin.calls("conversations.history")
    assert [(c.body["channel"], c.body["inclusive"], c.body["limit"]) for c in reads] == [
        (dm_id(MEMBER), "1", "1")
    ]


def test_a_second_reply_is_refused_with_what_to_do_when_the_prompt_cannot_be_read(bot_server, make_goal):
    _anonymous_checkin_with_one_reply(bot_server, make_goal)
    bot_server.standin.fail_next("conversations.history")

    dm_reply(bot_server, "Weekends are short-staffed.", ts=SECOND_TS)

    [refusal] = thread_replies(bot_server, SECOND_TS)
    text = all_text(refusal)
    assert "already answered" in text and "wasn't added" in text and "tap the Edit button" in text
    with bot_server.sessions() as session:
        answer = session.scalars(select(AnonymousAnswer)).one()
        assert answer.expectations == "Customers want call-backs within a day."
