"""`/goals new` through the real HTTP server: stored when SMART, a prefilled modal when not."""

from bot.domain.refs import RefKind, format_ref
from handlers.ids import BlockId, CallbackId, objective_block_id
from models import Goal, Objective
from tests.e2e.helpers import all_text, count, fill, opened_view

COMPLETE = "new Raise CSAT from 78 to 85 by 2027-03-31 because churned customers cite slow support"
INCOMPLETE = "new Grow repeat orders to 1200 per month by end of June"


def test_smart_goal_is_stored_and_confirmed_ephemerally(bot_server):
    status, ack, _ = bot_server.command(COMPLETE)

    assert status == 200
    assert ack["response_type"] == "ephemeral"
    with bot_server.sessions() as session:
        goal = session.query(Goal).one()
        objective = goal.objectives[0]
    assert (objective.metric, objective.baseline, objective.target) == ("CSAT", 78, 85)
    assert str(goal.due_date) == "2027-03-31"
    assert goal.channel_id == "C_SUPPORT" and goal.owner_id == "U_OWNER" and goal.team_id == "T1"
    assert format_ref(RefKind.GOAL, goal.id) in all_text(ack)
    assert bot_server.standin.calls("views.open") == []


def test_incomplete_goal_opens_prefilled_modal_with_hints_and_stores_nothing(bot_server):
    status, ack, _ = bot_server.command(INCOMPLETE)

    assert status == 200
    assert count(bot_server.sessions, Goal) == 0
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.GOAL_MODAL
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert "Grow repeat orders" in blocks[BlockId.GOAL_TITLE]["element"]["initial_value"]
    assert blocks[objective_block_id(0, "metric")]["element"]["initial_value"] == "repeat orders"
    assert "hint" in blocks[objective_block_id(0, "baseline")]
    assert "hint" in blocks[BlockId.GOAL_WHY]
    assert "baseline" in all_text(ack).lower() or "measurable" in all_text(ack).lower()


def test_modal_errors_come_back_inline_and_a_valid_submission_is_stored(bot_server):
    bot_server.command(INCOMPLETE)
    view = opened_view(bot_server.standin)

    status, answer = bot_server.submit(view, fill(view, {objective_block_id(0, "baseline"): "not a number"}))
    assert status == 200
    assert answer["response_action"] == "errors"
    assert objective_block_id(0, "baseline") in answer["errors"]
    assert count(bot_server.sessions, Goal) == 0

    values = fill(
        view, {objective_block_id(0, "baseline"): "900", BlockId.GOAL_WHY: "Repeat buyers keep stores open"}
    )
    status, answer = bot_server.submit(view, values)
    assert status == 200 and not answer
    with bot_server.sessions() as session:
        objective = session.query(Objective).one()
        assert (objective.baseline, objective.target, objective.unit) == (900, 1200, "per month")
        assert objective.goal.why == "Repeat buyers keep stores open"
    confirmation = bot_server.standin.wait_for("chat.postEphemeral")[-1].body
    assert confirmation["user"] == "U_OWNER" and confirmation["channel"] == "C_SUPPORT"


def test_new_without_text_opens_the_empty_modal(bot_server):
    status, _, _ = bot_server.command("new")
    assert status == 200
    view = opened_view(bot_server.standin)
    assert view["callback_id"] == CallbackId.GOAL_MODAL
    title = next(b for b in view["blocks"] if b.get("block_id") == BlockId.GOAL_TITLE)
    assert not title["element"].get("initial_value")


def test_help_and_unknown_subcommands_list_every_subcommand(bot_server):
    for text in ("help", "frobnicate"):
        status, ack, _ = bot_server.command(text)
        shown = all_text(ack)
        assert status == 200 and ack["response_type"] == "ephemeral"
        for word in ("new", "list", "show", "update", "focus", "edit", "archive"):
            assert f"/goals {word}" in shown
    assert "frobnicate" in shown


def test_a_mistyped_subcommand_suggests_the_closest_one(bot_server):
    _, ack, _ = bot_server.command("shwo G1")
    assert "Did you mean `/goals show`?" in all_text(ack)
    _, ack, _ = bot_server.command("frobnicate")
    assert "Did you mean" not in all_text(ack)
