"""A plain DM message while a check-in is open is its open-text answer; `O3 82` records 82 on O3."""

from datetime import timedelta

from sqlalchemy import select

from bot.slack.standin.directory import dm_id
from models import Measurement, Objective
from models.answers import Answer
from tests.e2e.checkin_helpers import PROMPT_AT, deliver, schedule, thread_replies
from tests.e2e.helpers import all_text
from tests.fixtures.bot import MEMBER

REPLY_TS = "1764000000.000200"


def _reply(bot_server, text: str, **extra) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": dm_id(MEMBER),
        "user": MEMBER,
        "text": text,
        "ts": REPLY_TS,
        **extra,
    }
    status, _, _ = bot_server.event(event)
    assert status == 200


def _thread_replies(bot_server, *, expected: bool = True) -> list[dict]:
    return thread_replies(bot_server, REPLY_TS, expected=expected)


def test_a_dm_reply_is_the_open_text_answer_with_numbers_and_is_confirmed_in_its_thread(
    bot_server, make_goal
):
    goal_id = make_goal()
    schedule(bot_server)
    deliver(bot_server)
    with bot_server.sessions() as session:
        objective_id = session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).one()

    _reply(bot_server, f"Customers want call-backs within a day. O{objective_id} 82")

    confirmations = _thread_replies(bot_server)
    assert len(confirmations) == 1 and "✓" in all_text(confirmations[0])
    with bot_server.sessions() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.expectations == "Customers want call-backs within a day."
        assert session.scalars(select(Measurement.value)).all() == [82]
    bot_server.standin.wait_for("chat.update")  # the prompt shows it is answered


def test_messages_from_bots_edits_and_other_channels_are_not_answers(bot_server):
    schedule(bot_server)
    deliver(bot_server)
    _reply(bot_server, "from a bot", bot_id="B1")
    _reply(bot_server, "edited", subtype="message_changed")
    bot_server.event(
        {
            "type": "message",
            "channel_type": "channel",
            "channel": "C_SUPPORT",
            "user": MEMBER,
            "text": "hi",
            "ts": REPLY_TS,
        }
    )
    assert _thread_replies(bot_server, expected=False) == []
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []


def test_a_reply_after_the_period_closed_says_it_cannot_be_answered_any_more(bot_server):
    schedule(bot_server)
    deliver(bot_server)
    bot_server.clock.now = PROMPT_AT + timedelta(hours=25)

    _reply(bot_server, "late thoughts")

    confirmations = _thread_replies(bot_server)
    assert len(confirmations) == 1 and "can't be answered any more" in all_text(confirmations[0])
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []


def test_a_dm_reply_with_a_number_past_the_limit_is_refused_and_stores_nothing(bot_server, make_goal):
    goal_id = make_goal()
    schedule(bot_server)
    deliver(bot_server)
    with bot_server.sessions() as session:
        objective_id = session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).one()

    _reply(bot_server, f"Busy week. O{objective_id} 10000000000000000000000000")

    told = all_text(_thread_replies(bot_server))
    assert f"O{objective_id}" in told and "1,000,000,000,000" in told
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []
        assert session.scalars(select(Measurement)).all() == []
