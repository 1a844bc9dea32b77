"""A refusal lands under the input it is about (issue 5 §4.1); Edit offers only valid parents (§4.9)."""

from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from handlers.views.goal_form import NO_PARENT
from models import Goal, Objective, Strategy, Tactic
from tests.e2e.helpers import count, fill, opened_view

PAST = "2026-01-01"  # the fixed clock says 2026-11-23


def test_a_past_due_date_on_add_objective_is_shown_under_the_due_date(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.click(ActionId.ADD_OBJECTIVE, str(goal_id))
    view = opened_view(bot_server.standin)
    answers = {
        objective_block_id(0, "metric"): "first-contact resolution",
        objective_block_id(0, "baseline"): "60",
        objective_block_id(0, "target"): "75",
        BlockId.OBJECTIVE_DUE: PAST,
    }

    status, answer = bot_server.submit(view, fill(view, answers))

    assert status == 200 and answer["response_action"] == "errors"
    assert list(answer["errors"]) == [BlockId.OBJECTIVE_DUE]
    assert "has passed" in answer["errors"][BlockId.OBJECTIVE_DUE]
    assert count(bot_server.sessions, Objective) == 1


def test_a_past_due_date_on_add_tactic_is_shown_under_the_due_date(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.click(ActionId.ADD_STRATEGY, str(goal_id))
    strategy_view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(
        strategy_view, fill(strategy_view, {BlockId.STRATEGY_TITLE: "Call back"})
    )
    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        strategy_id = session.query(Strategy).one().id

    bot_server.click(ActionId.ADD_TACTIC, str(strategy_id))
    view = opened_view(bot_server.standin, 2)
    assert view["callback_id"] == CallbackId.TACTIC_MODAL
    status, answer = bot_server.submit(
        view, fill(view, {BlockId.TACTIC_TITLE: "Script", BlockId.TACTIC_DUE: PAST})
    )

    assert status == 200 and answer["response_action"] == "errors"
    assert list(answer["errors"]) == [BlockId.TACTIC_DUE]
    assert count(bot_server.sessions, Tactic) == 0


def _parent_options(view: dict) -> list[str]:
    block = next(b for b in view["blocks"] if b.get("block_id") == BlockId.GOAL_PARENT)
    return [o["value"] for o in block["element"].get("options", [])]


def test_the_edit_form_offers_no_descendant_as_parent_and_refuses_one_under_the_parent_input(
    bot_server, make_goal
):
    top = make_goal("Raise CSAT from 70 to 90 by 2027-12-31 because churn follows slow support")
    child = make_goal(f"Raise CSAT from 78 to 85 by 2027-03-31 under G{top}")
    other = make_goal("Grow repeat orders from 100 to 150 by 2027-06-30 because they pay the bills")
    with bot_server.sessions() as session:
        assert session.get(Goal, child).parent_id == top

    bot_server.command(f"edit G{top}")
    view = opened_view(bot_server.standin)
    assert _parent_options(view) == [NO_PARENT, str(other)]

    # A forged (or stale) submission naming the goal's own child is refused under "Part of".
    values = fill(view)
    values[BlockId.GOAL_PARENT] = {
        str(ActionId.INPUT): {"type": "static_select", "selected_option": {"value": str(child)}}
    }
    status, answer = bot_server.submit(view, values)

    assert status == 200 and answer["response_action"] == "errors"
    assert list(answer["errors"]) == [BlockId.GOAL_PARENT]
    with bot_server.sessions() as session:
        assert session.get(Goal, top).parent_id is None
