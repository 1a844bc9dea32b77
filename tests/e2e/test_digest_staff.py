"""The digest's "What staff said" reply as a channel reads it after `/goals report week`: the
average confidence people gave this week (an edit counted once, at its new value) and who said
each named quote."""

from handlers.ids import ActionId, BlockId
from tests.e2e.checkin_helpers import deliver, dm_messages, schedule
from tests.e2e.helpers import all_text, button_values, fill, opened_view
from tests.fixtures.bot import MEMBER, OWNER


def _digest_thread(bot_server) -> str:
    standin = bot_server.standin
    bot_server.command("report week")
    standin.wait_for("files.completeUploadExternal")
    parent = next(c for c in standin.calls("chat.postMessage") if "Progress digest" in c.body.get("text", ""))
    ts = parent.answer["ts"]
    return " ".join(
        all_text(c.body) for c in standin.calls("chat.postMessage") if c.body.get("thread_ts") == ts
    )


def test_the_digest_shows_this_weeks_confidence_and_who_said_a_quote(bot_server, make_goal):
    make_goal()
    schedule(bot_server)
    sent = deliver(bot_server)
    bot_server.click(ActionId.CHECKIN_CONFIDENCE_2, str(sent[OWNER]), user_id=OWNER)
    bot_server.click(ActionId.CHECKIN_CONFIDENCE_3, str(sent[MEMBER]), user_id=MEMBER)
    bot_server.standin.wait_for("chat.update", count=2)
    # The member edits the answer: confidence 3 becomes 5, with something to quote.
    edit = button_values(dm_messages(bot_server, MEMBER)[0]["blocks"], ActionId.CHECKIN_EDIT)[0]
    bot_server.click(ActionId.CHECKIN_EDIT, edit, user_id=MEMBER)
    view = opened_view(bot_server.standin)
    answers = {BlockId.CHECKIN_CONFIDENCE: "5", BlockId.CHECKIN_EXPECTATIONS: "Faster call-backs"}
    status, answer = bot_server.submit(view, fill(view, answers), user_id=MEMBER)
    assert status == 200 and not answer, answer

    thread = _digest_thread(bot_server)
    assert "*Confidence* 3.5 / 5 (last 4: — · — · — · 3.5)" in thread
    assert f"Faster call-backs\n_23 Nov · <@{MEMBER}>_" in thread
