"""The one map from a refusal's or problem's `field` to the block that shows it, per modal."""

import pytest

from handlers.fields import block_for, shown_blocks, split_objective_field
from handlers.ids import BlockId, CallbackId, objective_block_id


@pytest.mark.parametrize(
    ("form", "field", "block"),
    [
        (CallbackId.GOAL_MODAL, "title", BlockId.GOAL_TITLE),
        (CallbackId.GOAL_MODAL, "parent", BlockId.GOAL_PARENT),
        (CallbackId.GOAL_MODAL, "due_date", BlockId.GOAL_DUE),
        (CallbackId.OBJECTIVE_MODAL, "due_date", BlockId.OBJECTIVE_DUE),
        (CallbackId.OBJECTIVE_MODAL, "objective.0.target", objective_block_id(0, "target")),
        (CallbackId.STRATEGY_MODAL, "title", BlockId.STRATEGY_TITLE),
        (CallbackId.TACTIC_MODAL, "title", BlockId.TACTIC_TITLE),
        (CallbackId.TACTIC_MODAL, "owner", BlockId.TACTIC_OWNER),
        (CallbackId.TACTIC_MODAL, "due_date", BlockId.TACTIC_DUE),
    ],
)
def test_each_field_goes_to_its_own_input(form, field, block):
    assert block_for(form, field) == str(block)


def test_objective_rows_the_goal_form_shows_are_reached_and_others_are_not():
    assert block_for(CallbackId.GOAL_MODAL, "objective.2.baseline", objective_rows=3) == objective_block_id(
        2, "baseline"
    )
    assert block_for(CallbackId.GOAL_MODAL, "objective.3.baseline", objective_rows=3) is None
    # The add-objective form has one row.
    assert block_for(CallbackId.OBJECTIVE_MODAL, "objective.1.metric") is None


@pytest.mark.parametrize("field", [None, "why", "objective.x.metric", "objective.0.colour", "nonsense"])
def test_a_field_a_form_lacks_has_no_block_there(field):
    assert block_for(CallbackId.TACTIC_MODAL, field) is None


def test_an_input_the_view_did_not_show_is_not_targeted():
    shown = shown_blocks({"blocks": [{"type": "input", "block_id": "goal_title"}, {"type": "divider"}]})
    assert shown == {"goal_title"}
    assert block_for(CallbackId.GOAL_MODAL, "parent", shown=shown) is None
    assert block_for(CallbackId.GOAL_MODAL, "title", shown=shown) == "goal_title"
    assert shown_blocks({}) is None


def test_objective_field_names_split_into_row_and_name():
    assert split_objective_field("objective.12.unit") == (12, "unit")
    assert split_objective_field("objective.１.unit") is None  # a non-ASCII digit
