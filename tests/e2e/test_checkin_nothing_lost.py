"""Nothing typed into a check-in is lost (issue 11 §4): a follow-up description counts as flagging
one, ticked or not, named or anonymous; text over its limit is refused with the limit, never cut."""

from sqlalchemy import select

from handlers.ids import ActionId, BlockId
from models.answers import AnonymousFlag, Answer
from models.followups import FollowUp
from tests.e2e.checkin_helpers import deliver, dm_reply, schedule, schedule_with_form, thread_replies
from tests.e2e.helpers import all_text, fill, opened_view
from tests.fixtures.bot import MEMBER

DESCRIPTION = "Mrs Jones, order 1234, wants a refund"


def _answer_without_ticking(bot_server, delivery_id: int, views_before: int) -> None:
    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=MEMBER)
    view = opened_view(bot_server.standin, views_before + 1)
    answers = {BlockId.CHECKIN_CONFIDENCE: "3", BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION: DESCRIPTION}
    status, answer = bot_server.submit(view, fill(view, answers), user_id=MEMBER)
    assert status == 200 and not answer, answer


def test_a_named_answer_with_a_description_but_no_tick_flags_the_follow_up(bot_server, make_goal):
    make_goal()
    schedule(bot_server)
    _answer_without_ticking(bot_server, deliver(bot_server)[MEMBER], 0)
    with bot_server.sessions() as session:
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.description, follow_up.author_id) == (DESCRIPTION, MEMBER)


def test_an_anonymous_answer_with_a_description_but_no_tick_flags_the_follow_up(bot_server, make_goal):
    make_goal()
    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_ANONYMOUS: ["anonymous"]})
    _answer_without_ticking(bot_server, deliver(bot_server)[MEMBER], 1)
    with bot_server.sessions() as session:
        # Held without an author until its post may go out (the next day), then a follow-up.
        [flag] = session.scalars(select(AnonymousFlag)).all()
        assert flag.description == DESCRIPTION
        assert session.scalars(select(FollowUp)).all() == []


def test_a_dm_reply_over_the_limit_is_refused_naming_the_limit_and_nothing_is_stored(bot_server, make_goal):
    make_goal()
    schedule(bot_server)
    deliver(bot_server)
    dm_reply(bot_server, "word " * 700, ts="1764000000.000300")  # 3,499 characters once trimmed
    [refusal] = thread_replies(bot_server, "1764000000.000300")
    text = all_text(refusal)
    assert "3,499 characters" in text and "3,000" in text and "nothing was saved" in text
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []
