"""App Home lists the objectives and tactics I am responsible for, with buttons to update and tick off."""

from datetime import date

from bot.domain.drafts import TacticDraft
from bot.services import tree_items
from bot.services.actor import Actor
from handlers.ids import ActionId, BlockId, CallbackId
from models import Measurement, Tactic
from tests.e2e.helpers import all_text, button_values, count, fill, opened_view
from tests.fixtures.bot import MEMBER, OWNER, TEAM

TODAY = date(2026, 11, 23)


def _home(bot_server, user_id: str, nth: int) -> dict:
    if nth == 1:
        bot_server.event({"type": "app_home_opened", "user": user_id, "tab": "home", "channel": "D1"})
    published = bot_server.standin.wait_for("views.publish", count=nth)[nth - 1]
    assert published.body["user_id"] == user_id
    return published.body["view"]


def _tactic_for(bot_server, goal_id: int, owner_id: str) -> int:
    tree = tree_items.add_strategy(bot_server.sessions, Actor(TEAM, OWNER), goal_id, "Call back", today=TODAY)
    tree = tree_items.add_tactic(
        bot_server.sessions,
        Actor(TEAM, OWNER),
        tree.strategies[0].id,
        TacticDraft("Write the call-back script", owner_id, date(2026, 12, 15)),
        today=TODAY,
    )
    return tree.strategies[0].tactics[0].id


def test_update_on_home_records_a_value_and_republishes_home(bot_server, make_goal):
    goal_id = make_goal()
    home = _home(bot_server, OWNER, 1)
    objective_id = int(button_values(home["blocks"], ActionId.HOME_UPDATE_OBJECTIVE)[0])

    bot_server.click(ActionId.HOME_UPDATE_OBJECTIVE, str(objective_id))
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.UPDATE_OBJECTIVE_MODAL
    assert f"G{goal_id}" in all_text(view)
    status, answer = bot_server.submit(view, fill(view, {BlockId.UPDATE_VALUE: "81.5"}))

    assert status == 200 and not answer, answer
    assert count(bot_server.sessions, Measurement) == 1
    assert "50%" in all_text(_home(bot_server, OWNER, 2))  # (81.5-78)/(85-78)


def test_an_update_without_a_number_is_refused_inline(bot_server, make_goal):
    make_goal()
    home = _home(bot_server, OWNER, 1)
    bot_server.click(
        ActionId.HOME_UPDATE_OBJECTIVE, button_values(home["blocks"], ActionId.HOME_UPDATE_OBJECTIVE)[0]
    )
    view = opened_view(bot_server.standin)

    status, answer = bot_server.submit(view, fill(view, {BlockId.UPDATE_VALUE: ""}))

    assert status == 200 and BlockId.UPDATE_VALUE in answer["errors"]
    assert count(bot_server.sessions, Measurement) == 0


def test_a_member_sees_the_tactic_they_own_and_ticks_it_off_from_home(bot_server, make_goal):
    goal_id = make_goal()
    tactic_id = _tactic_for(bot_server, goal_id, MEMBER)

    home = _home(bot_server, MEMBER, 1)
    assert "Write the call-back script" in all_text(home)
    assert button_values(home["blocks"], ActionId.HOME_TACTIC_DONE) == [str(tactic_id)]
    assert button_values(home["blocks"], ActionId.HOME_UPDATE_OBJECTIVE) == []  # not their goal

    bot_server.click(ActionId.HOME_TACTIC_DONE, str(tactic_id), user_id=MEMBER)

    republished = _home(bot_server, MEMBER, 2)
    assert "Write the call-back script" not in all_text(republished)
    with bot_server.sessions() as session:
        assert session.get(Tactic, tactic_id).done_at is not None
