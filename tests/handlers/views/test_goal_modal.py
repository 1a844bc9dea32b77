from dataclasses import replace
from datetime import date

from bot.domain.drafts import GoalDraft, ObjectiveDraft, SmartProblem
from bot.domain.enums import GoalLevel, SmartPart
from bot.domain.smart import check_smart
from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from handlers.metadata import GoalModalMeta
from handlers.views.form_reader import NOT_A_DATE_PHRASE
from handlers.views.goal_fields import MAX_OBJECTIVE_ROWS
from handlers.views.goal_form import read_goal_form
from handlers.views.goal_modal import build_goal_modal, problems_to_errors
from tests.handlers.views.slack_checks import submitted_values, view_dict

TODAY = date(2027, 2, 15)
CSAT = GoalDraft(
    title="Raise CSAT from 78 to 85",
    why="Happy customers come back",
    level=GoalLevel.QUARTERLY,
    parent_id=3,
    due_date=date(2027, 3, 31),
    objectives=(
        ObjectiveDraft(metric="CSAT score", unit="%", baseline=78.0, target=85.0),
        ObjectiveDraft(metric="Repeat orders", unit="per month", baseline=1200.0, target=1500.5),
    ),
)
PARENTS = [(3, "G3", "Best support in the region"), (4, "G4", "Grow the north shop")]


def _blocks_by_id(view: dict) -> dict[str, dict]:
    return {block["block_id"]: block for block in view["blocks"] if "block_id" in block}


def test_new_goal_modal_shape():
    meta = GoalModalMeta(mode="new", channel_id="C1", objective_rows=2)
    view = view_dict(build_goal_modal(CSAT, meta, parent_choices=PARENTS))
    assert view["callback_id"] == CallbackId.GOAL_MODAL
    assert view["title"]["text"] == "New goal"
    assert view["submit"]["text"] == "Save"
    assert GoalModalMeta.load(view["private_metadata"]) == meta
    blocks = _blocks_by_id(view)
    assert list(blocks)[:5] == [
        BlockId.GOAL_TITLE,
        BlockId.GOAL_WHY,
        BlockId.GOAL_LEVEL,
        BlockId.GOAL_PARENT,
        BlockId.GOAL_DUE,
    ]
    for row in range(2):
        for field in ("metric", "unit", "baseline", "target"):
            assert objective_block_id(row, field) in blocks
    title = blocks[BlockId.GOAL_TITLE]["element"]
    assert (title["initial_value"], title["max_length"], title["action_id"]) == (
        CSAT.title,
        150,
        ActionId.INPUT,
    )
    assert blocks[BlockId.GOAL_WHY]["element"]["multiline"] is True
    # A new goal's level is the dates' to decide until someone picks one.
    assert "initial_option" not in blocks[BlockId.GOAL_LEVEL]["element"]
    parent = blocks[BlockId.GOAL_PARENT]["element"]
    assert parent["initial_option"]["text"]["text"] == "G3 · Best support in the region"
    assert parent["options"][0]["value"] == "none"
    due = blocks[BlockId.GOAL_DUE]["element"]
    assert (due["type"], due["initial_value"]) == ("plain_text_input", "2027-03-31")
    assert "end of June" in blocks[BlockId.GOAL_DUE]["hint"]["text"]
    baseline = blocks[objective_block_id(1, "baseline")]["element"]
    assert (baseline["type"], baseline["is_decimal_allowed"], baseline["initial_value"]) == (
        "number_input",
        True,
        "1200",
    )
    assert blocks[objective_block_id(1, "target")]["element"]["initial_value"] == "1500.5"
    required = {b for b in blocks if blocks[b].get("type") == "input" and not blocks[b]["optional"]}
    assert required == {
        BlockId.GOAL_TITLE,
        BlockId.GOAL_DUE,
        objective_block_id(0, "metric"),
        objective_block_id(0, "baseline"),
        objective_block_id(0, "target"),
    }
    assert "unless you pick a bigger goal" in blocks[BlockId.GOAL_WHY]["hint"]["text"]
    assert BlockId.SMART_HINTS not in blocks


def test_edit_title_and_no_parent_block_without_choices():
    view = view_dict(build_goal_modal(CSAT, GoalModalMeta(mode="edit", goal_id=12, objective_ids=[7])))
    assert view["title"]["text"] == "Edit goal"
    assert BlockId.GOAL_PARENT not in _blocks_by_id(view)


def test_problems_become_hints_and_a_summary():
    problems = [
        SmartProblem(SmartPart.MEASURABLE, "objective.0.baseline", "Where is it today? e.g. 78"),
        SmartProblem(SmartPart.RELEVANT, "why", "Say why it matters."),
        SmartProblem(SmartPart.RELEVANT, "parent", "Link it to a yearly goal."),
    ]
    view = view_dict(build_goal_modal(GoalDraft(title="Raise CSAT"), GoalModalMeta(), problems=problems))
    blocks = _blocks_by_id(view)
    summary = view["blocks"][0]
    assert summary["block_id"] == BlockId.SMART_HINTS
    assert (
        summary["elements"][0]["text"]
        == ":bulb: Still missing: measurable (baseline), relevant (why, parent)"
    )
    assert blocks[objective_block_id(0, "baseline")]["hint"]["text"] == ":bulb: Where is it today? e.g. 78"
    # No parent select without choices, so its hint joins the why block's.
    assert (
        blocks[BlockId.GOAL_WHY]["hint"]["text"]
        == ":bulb: Say why it matters. :bulb: Link it to a yearly goal."
    )


def test_parent_hint_goes_to_the_parent_select_when_shown():
    problems = [SmartProblem(SmartPart.RELEVANT, "parent", "Link it to a yearly goal.")]
    view = view_dict(build_goal_modal(CSAT, GoalModalMeta(), problems=problems, parent_choices=PARENTS))
    assert _blocks_by_id(view)[BlockId.GOAL_PARENT]["hint"]["text"] == ":bulb: Link it to a yearly goal."


def test_more_than_100_parents_keep_the_current_one():
    choices = [(n, f"G{n}", f"Goal {n}") for n in range(1, 301)]
    draft = GoalDraft(title="Quarterly push", parent_id=250)
    view = view_dict(build_goal_modal(draft, GoalModalMeta(), parent_choices=choices))
    parent = _blocks_by_id(view)[BlockId.GOAL_PARENT]["element"]
    assert len(parent["options"]) == 100
    assert parent["initial_option"]["value"] == "250"


def test_objective_rows_are_capped_to_fit_a_view():
    view = view_dict(build_goal_modal(CSAT, GoalModalMeta(objective_rows=500)))
    assert objective_block_id(MAX_OBJECTIVE_ROWS - 1, "target") in _blocks_by_id(view)
    assert objective_block_id(MAX_OBJECTIVE_ROWS, "metric") not in _blocks_by_id(view)


def test_huge_texts_stay_within_limits():
    long = "Raise CSAT " * 500
    draft = GoalDraft(title=long, why=long, objectives=(ObjectiveDraft(metric=long, unit=long),))
    problems = [
        SmartProblem(SmartPart.SPECIFIC, "title", long),
        SmartProblem(SmartPart.MEASURABLE, "x", long),
    ]
    choices = [(n, f"G{n}", long) for n in range(150)]
    view_dict(
        build_goal_modal(draft, GoalModalMeta(objective_rows=3), problems=problems, parent_choices=choices)
    )


def test_round_trip_through_slack_state():
    meta = GoalModalMeta(mode="edit", goal_id=12, objective_ids=[7, 8], objective_rows=3, parent_id=3)
    view = view_dict(build_goal_modal(CSAT, meta, parent_choices=PARENTS))
    draft, errors = read_goal_form(submitted_values(view), meta, today=TODAY)
    assert errors == {}
    assert draft == CSAT


def test_a_new_goal_reads_back_without_the_inferred_level():
    meta = GoalModalMeta(objective_rows=3, parent_id=3)
    view = view_dict(build_goal_modal(CSAT, meta, parent_choices=PARENTS))
    draft, _ = read_goal_form(submitted_values(view), meta, today=TODAY)
    assert draft == replace(CSAT, level=None)


def test_a_parent_the_select_cannot_show_is_kept_when_left_alone():
    meta = GoalModalMeta(mode="edit", goal_id=12, objective_ids=[7, 8], objective_rows=2, parent_id=99)
    draft_in = replace(CSAT, parent_id=99)
    for choices in (PARENTS, []):
        view = view_dict(build_goal_modal(draft_in, meta, parent_choices=choices))
        draft, _ = read_goal_form(submitted_values(view), meta, today=TODAY)
        assert draft.parent_id == 99


def test_no_bigger_goal_removes_the_parent():
    meta = GoalModalMeta(mode="edit", goal_id=12, objective_ids=[7, 8], objective_rows=2, parent_id=3)
    values = submitted_values(view_dict(build_goal_modal(CSAT, meta, parent_choices=PARENTS)))
    values[BlockId.GOAL_PARENT][ActionId.INPUT]["selected_option"] = {"value": "none"}
    assert read_goal_form(values, meta, today=TODAY)[0].parent_id is None


def test_the_due_date_takes_the_phrases_its_hint_suggests():
    meta = GoalModalMeta(objective_rows=1)
    for typed, expected in [
        ("end of June", date(2027, 6, 30)),
        ("by end of Q2", date(2027, 6, 30)),
        ("2027-03-31", date(2027, 3, 31)),
        ("in 6 weeks", date(2027, 3, 29)),
    ]:
        draft, errors = read_goal_form(_typed(meta, goal_due=typed), meta, today=TODAY)
        assert (draft.due_date, errors) == (expected, {}), typed


def test_untouched_new_form_reads_as_an_empty_draft():
    meta = GoalModalMeta(objective_rows=2)
    view = view_dict(build_goal_modal(GoalDraft(), meta))
    assert read_goal_form(submitted_values(view), meta) == (GoalDraft(), {})


def _typed(meta: GoalModalMeta, **fields: str) -> dict:
    """state.values after a person typed into the empty form; keys are block ids."""
    values = submitted_values(view_dict(build_goal_modal(GoalDraft(), meta)))
    for block_id, text in fields.items():
        state = values[block_id][ActionId.INPUT]
        state["selected_date" if state["type"] == "datepicker" else "value"] = text
    return values


def test_rows_keep_their_index_and_trailing_blank_rows_are_dropped():
    meta = GoalModalMeta(objective_rows=4)
    values = _typed(
        meta,
        objective_0_metric="CSAT",
        objective_2_target="85",
        goal_title="  Raise CSAT  ",
    )
    draft, errors = read_goal_form(values, meta)
    assert errors == {}
    assert draft.title == "Raise CSAT"
    assert draft.objectives == (
        ObjectiveDraft(metric="CSAT"),
        ObjectiveDraft(),
        ObjectiveDraft(target=85.0),
    )
    problems = check_smart(draft, TODAY)
    errors = problems_to_errors(problems, meta)
    # check_smart's fields land on this form's rows: row 2 has a number but no metric.
    assert objective_block_id(2, "metric") in errors
    assert not any(block.startswith("objective_1_") for block in errors)


def test_unreadable_numbers_and_dates_are_errors_not_exceptions():
    meta = GoalModalMeta(objective_rows=1)
    values = _typed(meta, objective_0_baseline="abc", objective_0_target="1.2k", goal_due="2027-02-30")
    draft, errors = read_goal_form(values, meta, today=TODAY)
    assert errors == {
        objective_block_id(0, "baseline"): "Enter a number, e.g. 78",
        BlockId.GOAL_DUE: NOT_A_DATE_PHRASE,
    }
    assert draft.objectives == (ObjectiveDraft(target=1200.0),)
    assert draft.due_date is None


def test_problems_to_errors_maps_fields_to_blocks():
    meta = GoalModalMeta(objective_rows=1)
    problems = [
        SmartProblem(SmartPart.SPECIFIC, "title", "Say what will change."),
        SmartProblem(SmartPart.MEASURABLE, "objective.0.target", "Where should it get to?"),
        SmartProblem(SmartPart.MEASURABLE, "objective.3.metric", "Row the form does not have."),
        SmartProblem(SmartPart.RELEVANT, "parent", "Link it to a yearly goal."),
        SmartProblem(SmartPart.TIME_BOUND, "due_date", "By when? " + "x" * 300),
    ]
    errors = problems_to_errors(problems, meta)
    assert errors == {
        BlockId.GOAL_TITLE: "Say what will change. Row the form does not have.",
        objective_block_id(0, "target"): "Where should it get to?",
        BlockId.GOAL_WHY: "Link it to a yearly goal.",
        BlockId.GOAL_DUE: errors[BlockId.GOAL_DUE],
    }
    assert len(errors[BlockId.GOAL_DUE]) == 150
    assert problems_to_errors(problems[3:4], meta, with_parent=True) == {
        BlockId.GOAL_PARENT: "Link it to a yearly goal."
    }


def test_check_smart_problems_always_map_to_blocks_of_the_form():
    meta = GoalModalMeta(objective_rows=2)
    view = view_dict(build_goal_modal(GoalDraft(title="things"), meta))
    present = set(_blocks_by_id(view))
    problems = check_smart(GoalDraft(title="things", objectives=(ObjectiveDraft(), ObjectiveDraft())), TODAY)
    assert problems
    errors = problems_to_errors(problems, meta)
    assert set(errors) <= present
    assert all(len(message) <= 150 for message in errors.values())
