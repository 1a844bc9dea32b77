"""App Home shows my open check-in with its Answer button, my next one, and whether I am away."""

from datetime import timedelta

from handlers.ids import ActionId, CallbackId
from tests.e2e.checkin_helpers import PROMPT_AT, checkin, deliver, schedule
from tests.e2e.helpers import all_text, button_values, opened_view
from tests.fixtures.bot import ADMIN, MEMBER


def _home(bot_server, user_id: str = MEMBER) -> dict:
    before = len(bot_server.standin.calls("views.publish"))
    bot_server.event({"type": "app_home_opened", "user": user_id, "tab": "home", "channel": "D1"})
    return bot_server.standin.wait_for("views.publish", count=before + 1)[before].body["view"]


def test_home_shows_the_open_checkin_with_its_answer_button_which_opens_the_form(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]

    home = _home(bot_server)

    assert "Your check-ins" in all_text(home) and "open" in all_text(home)
    assert button_values(home["blocks"], ActionId.CHECKIN_ANSWER) == [str(delivery_id)]
    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=MEMBER)
    assert opened_view(bot_server.standin)["callback_id"] == CallbackId.CHECKIN_ANSWER_MODAL


def test_home_shows_the_next_checkin_and_that_i_am_away(bot_server):
    schedule(bot_server)
    bot_server.clock.now = PROMPT_AT - timedelta(minutes=10)
    assert "Mon 23 Nov at 10:30" in all_text(_home(bot_server))
    checkin(bot_server, "away until 2026-12-24", user_id=MEMBER)

    text = all_text(_home(bot_server))

    # The first prompt after the time off (mon,wed,fri: Friday 25 December), not Monday's.
    assert "away until" in text and "Next:" in text and "Fri 25 Dec at 10:30" in text
    assert "Mon 23 Nov" not in text


def test_home_shows_the_first_prompt_after_a_holiday_too(bot_server):
    schedule(bot_server)
    _, _, url = checkin(bot_server, "holiday add 2026-11-23 Closed", user_id=ADMIN)
    bot_server.awaited_replies(url)
    bot_server.clock.now = PROMPT_AT - timedelta(minutes=10)

    text = all_text(_home(bot_server))

    assert "Next:" in text and "Wed 25 Nov at 10:30" in text and "Mon 23 Nov" not in text


def test_someone_no_checkin_asks_sees_no_checkin_section(bot_server):
    assert "Your check-ins" not in all_text(_home(bot_server))
