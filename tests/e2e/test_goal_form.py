"""What a new user met in the goal form: parents kept, date phrases, past dates and levels, stale titles."""

from bot.domain.enums import GoalLevel, GoalStatus
from handlers.ids import BlockId, objective_block_id
from models import Goal
from tests.e2e.helpers import fill, opened_view


def _goal(bot_server, goal_id) -> Goal:
    with bot_server.sessions() as session:
        return session.get(Goal, goal_id)


def test_editing_keeps_a_parent_the_select_cannot_show(bot_server, make_goal):
    parent_id = make_goal("Raise CSAT from 78 to 85 by 2027-10-31 because churn follows slow support")
    child_id = make_goal(f"Raise CSAT from 78 to 80 by 2027-01-31 under G{parent_id}")
    with bot_server.sessions.begin() as session:
        session.get(Goal, parent_id).status = GoalStatus.DONE  # no longer offered as a parent

    bot_server.command(f"edit G{child_id}")
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.GOAL_WHY: "so regulars come back"}))

    assert status == 200 and not answer, answer
    assert _goal(bot_server, child_id).parent_id == parent_id


def test_the_due_date_takes_the_phrase_its_hint_suggests(bot_server):
    bot_server.command("new Raise CSAT from 78 to 85 because churn follows slow support")
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.GOAL_DUE: "by end of June"}))

    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        goal = session.query(Goal).one()
        assert str(goal.due_date) == "2027-06-30"


def test_a_past_date_fixed_in_the_form_gets_the_level_of_the_new_dates(bot_server):
    _, ack, _ = bot_server.command("new Raise CSAT from 78 to 85 by 2026-03-31 because churn hurts")
    assert "time-bound" in ack["text"]
    view = opened_view(bot_server.standin)
    due = next(b for b in view["blocks"] if b.get("block_id") == BlockId.GOAL_DUE)
    assert "has passed" in due["hint"]["text"]

    status, answer = bot_server.submit(view, fill(view, {BlockId.GOAL_DUE: "2027-10-31"}))

    assert status == 200 and not answer, answer
    with bot_server.sessions() as session:
        assert session.query(Goal).one().level is GoalLevel.ANNUAL


def test_an_edit_that_changes_the_target_flags_a_title_stating_the_old_one(bot_server, make_goal):
    goal_id = make_goal("Raise CSAT from 78 to 85 by 2027-03-31 because churn follows slow support")
    bot_server.command(f"edit G{goal_id}")
    view = opened_view(bot_server.standin)

    status, answer = bot_server.submit(view, fill(view, {objective_block_id(0, "target"): "88"}))

    assert status == 200 and answer["response_action"] == "errors"
    assert "still says 85" in answer["errors"][BlockId.GOAL_TITLE]
    with bot_server.sessions() as session:
        assert session.get(Goal, goal_id).objectives[0].target == 85
