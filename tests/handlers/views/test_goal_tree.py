from datetime import UTC, date, datetime

from bot.domain.enums import GoalLevel, GoalStatus
from handlers.ids import ActionId, BlockId
from handlers.views.goal_tree import build_goal_tree
from tests.handlers.views.factories import (
    TODAY,
    make_goal,
    make_objective,
    make_strategy,
    make_tactic,
    make_tree,
)
from tests.handlers.views.slack_checks import all_texts, message_dicts


def _actions(blocks: list[dict]) -> dict[str, str]:
    """Every button's action id → value, anywhere in the message."""
    found = {}
    for block in blocks:
        elements = block.get("elements", []) if block["type"] == "actions" else [block.get("accessory") or {}]
        for element in elements:
            if element.get("type") == "button":
                found.setdefault(element["action_id"], element["value"])
    return found


def _goal_actions(blocks: list[dict]) -> list[str]:
    block = next((b for b in blocks if b.get("block_id") == BlockId.GOAL_ACTIONS), None)
    return [] if block is None else [element["action_id"] for element in block["elements"]]


def test_tree_shows_the_goal_objectives_strategies_and_tactics():
    blocks = message_dicts(build_goal_tree(make_tree(), can_edit=True, today=TODAY))
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "G12 · Raise CSAT from 78 to 85", "emoji": True},
    }
    texts = all_texts(blocks)
    joined = "\n".join(texts)
    assert "_Happy customers come back and tell their friends_" in texts
    assert "*Owner*\n<@U123OWNER>" in texts
    assert "*Part of*\nG3 · Best support in the region" in texts
    assert "*Dates*\n2027-01-01 → 2027-03-31 (in 44 days)" in texts
    assert "*Status*\n:large_yellow_circle: at risk" in texts
    assert "*O7 · CSAT score*\n80.1% → 85% (from 78%) · due 2027-03-31" in joined
    assert "last measured 2027-02-12 (3 days ago) · 4 measurements" in joined
    assert "*S2 · Call back every unhappy customer within a day*" in texts
    assert "T3 · Write the call-back script · <@U456AGENT> · due 2027-02-20" in texts
    assert "✓ ~T4 · Daily list of low scores~ · <@U456AGENT>" in texts
    assert _actions(blocks) == {
        ActionId.ADD_TACTIC: "2",
        ActionId.TACTIC_DONE: "3",
        ActionId.ADD_OBJECTIVE: "12",
        ActionId.ADD_STRATEGY: "12",
        ActionId.EDIT_GOAL: "12",
        ActionId.ARCHIVE_GOAL: "12",
    }
    archive = next(b for b in blocks if b.get("block_id") == BlockId.GOAL_ACTIONS)["elements"][-1]
    assert archive["style"] == "danger"
    assert "confirm" not in archive  # it asks in a message, which can also ask about the targets


def test_break_down_only_for_annual_goals_without_children():
    annual = make_tree(goal=make_goal(level=GoalLevel.ANNUAL))
    assert ActionId.BREAK_DOWN in _goal_actions(
        message_dicts(build_goal_tree(annual, can_edit=True, today=TODAY))
    )
    child = make_goal(id=20, ref="G20", title="Q1 target", parent_id=12)
    broken = make_tree(goal=make_goal(level=GoalLevel.ANNUAL), children=(child,))
    blocks = message_dicts(build_goal_tree(broken, can_edit=True, today=TODAY))
    assert ActionId.BREAK_DOWN not in _goal_actions(blocks)
    assert any(text.startswith("*Targets*\n*G20 · Q1 target* · Quarterly") for text in all_texts(blocks))


def test_viewers_who_cannot_edit_keep_only_the_done_buttons():
    blocks = message_dicts(build_goal_tree(make_tree(), can_edit=False, today=TODAY))
    assert _actions(blocks) == {ActionId.TACTIC_DONE: "3"}
    assert _goal_actions(blocks) == []


def test_archived_goal_has_no_archive_button():
    tree = make_tree(goal=make_goal(status=GoalStatus.ARCHIVED))
    blocks = message_dicts(build_goal_tree(tree, can_edit=True, today=TODAY))
    assert ActionId.ARCHIVE_GOAL not in _goal_actions(blocks)
    assert "*Status*\n:large_yellow_circle: at risk · _archived_" in all_texts(blocks)


def test_empty_goal_explains_what_to_add():
    tree = make_tree(goal=make_goal(objectives=(), why=None, parent_ref=None), strategies=())
    texts = " ".join(all_texts(message_dicts(build_goal_tree(tree, can_edit=True, today=TODAY))))
    assert "No objectives yet" in texts
    assert "No strategies yet" in texts
    assert "No reason written down yet" in texts


def test_open_tactics_come_first_and_overdue_ones_are_marked():
    tactics = tuple(
        make_tactic(id=n, ref=f"T{n}", done=n % 2 == 0, due_date=date(2027, 2, n)) for n in range(1, 13)
    )
    tree = make_tree(strategies=(make_strategy(tactics=tactics),))
    blocks = message_dicts(build_goal_tree(tree, can_edit=True, today=TODAY))
    done_values = [
        b["accessory"]["value"] for b in blocks if b.get("accessory", {}).get("action_id") == "tactic_done"
    ]
    assert done_values == ["1", "3", "5", "7", "9"]
    assert "…and 7 more tactics" in all_texts(blocks)
    assert any(":warning: overdue" in text for text in all_texts(blocks))


def test_huge_tree_stays_within_50_blocks():
    long = "word " * 1000
    objectives = tuple(
        make_objective(
            id=n, ref=f"O{n}", metric=long, unit=long, last_measured_at=datetime(2027, 2, 1, tzinfo=UTC)
        )
        for n in range(40)
    )
    tactics = tuple(make_tactic(id=n, ref=f"T{n}", title=long, owner_id="U" + "9" * 20) for n in range(30))
    strategies = tuple(make_strategy(id=n, ref=f"S{n}", title=long, tactics=tactics) for n in range(40))
    children = tuple(make_goal(id=100 + n, ref=f"G{100 + n}", title=long) for n in range(200))
    goal = make_goal(title=long, why=long, parent_title=long, objectives=objectives, level=GoalLevel.ANNUAL)
    tree = make_tree(goal=goal, strategies=strategies, children=children)
    for can_edit in (True, False):
        blocks = message_dicts(build_goal_tree(tree, can_edit=can_edit, today=TODAY))
        texts = all_texts(blocks)
        assert "…and 33 more objectives" in texts
        assert any(text.startswith("…and ") and text.endswith("more strategies") for text in texts)
        assert any(text.endswith("more targets") for text in texts)
    assert _goal_actions(message_dicts(build_goal_tree(tree, can_edit=True, today=TODAY)))
