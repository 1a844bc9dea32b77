"""The month's main goal, and growing the GOST tree from the buttons on `/goals show`."""

from datetime import date

from handlers.ids import ActionId, BlockId, CallbackId
from models import Goal, MonthlyFocus, Strategy, Tactic
from tests.e2e.helpers import all_text, button_values, fill, opened_view

SECOND = "Cut refund requests from 40 to 25 by 2027-02-28 because refunds eat the margin"


def _focus(bot_server):
    with bot_server.sessions() as session:
        return [(f.channel_id, f.month, f.goal_id) for f in session.query(MonthlyFocus).all()]


def test_focus_sets_the_month_and_a_second_replaces_it_only_after_confirmation(bot_server, make_goal):
    first, second = make_goal(), make_goal(SECOND)
    status, ack, _ = bot_server.command(f"focus G{first}")
    assert status == 200 and f"G{first}" in all_text(ack)
    assert _focus(bot_server) == [("C_SUPPORT", date(2026, 11, 1), first)]

    _, ack, _ = bot_server.command(f"focus G{second}")
    assert button_values(ack["blocks"], ActionId.FOCUS_REPLACE) == [f"{second}:2026-11"]
    assert _focus(bot_server) == [("C_SUPPORT", date(2026, 11, 1), first)]

    _, _, response_url = bot_server.click(ActionId.FOCUS_REPLACE, f"{second}:2026-11")
    bot_server.standin.wait_for("response_url")
    assert _focus(bot_server) == [("C_SUPPORT", date(2026, 11, 1), second)]
    assert f"G{second}" in all_text(bot_server.replies(response_url))


def test_strategy_and_tactic_are_added_from_the_tree_and_the_tactic_is_ticked_off(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.click(ActionId.ADD_STRATEGY, str(goal_id))
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.STRATEGY_MODAL
    status, answer = bot_server.submit(
        view, fill(view, {BlockId.STRATEGY_TITLE: "Answer every ticket within a day"})
    )
    assert status == 200 and not answer
    with bot_server.sessions() as session:
        strategy_id = session.query(Strategy).one().id

    bot_server.click(ActionId.ADD_TACTIC, str(strategy_id))
    view = opened_view(bot_server.standin, nth=2)
    values = fill(
        view,
        {
            BlockId.TACTIC_TITLE: "Morning triage rota",
            BlockId.TACTIC_OWNER: "U_MEMBER",
            BlockId.TACTIC_DUE: "2026-12-15",
        },
    )
    status, answer = bot_server.submit(view, values)
    assert status == 200 and not answer
    with bot_server.sessions() as session:
        tactic = session.query(Tactic).one()
        assert (tactic.owner_id, str(tactic.due_date)) == ("U_MEMBER", "2026-12-15")

    bot_server.click(ActionId.TACTIC_DONE, str(tactic.id), user_id="U_MEMBER")
    bot_server.standin.wait_for("response_url")
    with bot_server.sessions() as session:
        assert session.query(Tactic).one().done_at == bot_server.clock.now


def test_break_down_creates_quarterly_and_monthly_targets(bot_server, make_goal):
    goal_id = make_goal(
        "Grow repeat orders from 900 to 2100 by 2027-10-31 because loyal buyers carry the year"
    )
    bot_server.click(ActionId.BREAK_DOWN, str(goal_id))
    bot_server.standin.wait_for("response_url")
    with bot_server.sessions() as session:
        children = session.query(Goal).filter(Goal.id != goal_id).all()
        levels = sorted(c.level.value for c in children)
        months = sorted((c for c in children if c.level.value == "monthly"), key=lambda g: g.due_date)
        last_target = months[-1].objectives[0].target
    assert levels.count("quarterly") == 4 and levels.count("monthly") == 12
    assert last_target == 2100
