"""Editing a goal and adding an objective through their modals; Slack failing under us."""

from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from models import Goal, Objective
from tests.e2e.helpers import all_text, count, fill, opened_view


def test_the_edit_modal_is_prefilled_and_saves_changes(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"edit G{goal_id}")
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.GOAL_MODAL
    assert all_text(view).count("CSAT") >= 1

    answers = {
        BlockId.GOAL_TITLE: "Raise CSAT to 88 this winter",
        objective_block_id(0, "target"): "88",
        BlockId.GOAL_DUE: "2027-02-28",
    }
    status, answer = bot_server.submit(view, fill(view, answers))
    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        goal = session.get(Goal, goal_id)
        objective = goal.objectives[0]
        assert (goal.title, str(goal.due_date)) == ("Raise CSAT to 88 this winter", "2027-02-28")
        assert (objective.target, str(objective.due_date)) == (88, "2027-02-28")
    assert count(bot_server.sessions, Objective) == 1


def test_an_edit_that_breaks_smart_is_refused_inline(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"edit G{goal_id}")
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(
        view, fill(view, {BlockId.GOAL_DUE: "2026-01-01", BlockId.GOAL_WHY: ""})
    )
    assert status == 200 and answer["response_action"] == "errors"
    assert BlockId.GOAL_DUE in answer["errors"] and BlockId.GOAL_WHY in answer["errors"]
    with bot_server.sessions() as session:
        assert str(session.get(Goal, goal_id).due_date) == "2027-03-31"


def test_an_objective_is_added_from_the_tree(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.click(ActionId.ADD_OBJECTIVE, str(goal_id))
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.OBJECTIVE_MODAL
    values = fill(
        view,
        {
            objective_block_id(0, "metric"): "first-contact resolution",
            objective_block_id(0, "unit"): "%",
            objective_block_id(0, "baseline"): "60",
            objective_block_id(0, "target"): "75",
        },
    )
    status, answer = bot_server.submit(view, values)
    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        added = session.query(Objective).filter(Objective.metric == "first-contact resolution").one()
        assert (added.goal_id, added.baseline, added.target, added.unit) == (goal_id, 60, 75, "%")


def test_when_slack_fails_to_open_the_modal_the_person_is_told_and_nothing_is_stored(bot_server):
    bot_server.standin.fail_next("views.open", status=500)
    _, _, response_url = bot_server.command("new Grow repeat orders to 1200 per month by end of June")
    bot_server.standin.wait_for("response_url")
    assert "went wrong" in all_text(bot_server.replies(response_url))
    assert count(bot_server.sessions, Goal) == 0
