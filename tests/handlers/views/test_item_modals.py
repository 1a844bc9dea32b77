from datetime import date

from bot.domain.drafts import ObjectiveDraft, TacticDraft
from handlers.ids import ActionId, BlockId, CallbackId, objective_block_id
from handlers.metadata import ObjectiveModalMeta, StrategyModalMeta, TacticModalMeta
from handlers.views.item_modals import (
    build_objective_modal,
    build_strategy_modal,
    build_tactic_modal,
    read_objective_form,
    read_strategy_form,
    read_tactic_form,
)
from tests.handlers.views.slack_checks import all_texts, submitted_values, view_dict

DUE = date(2027, 3, 31)
METRIC, UNIT, BASELINE, TARGET = (objective_block_id(0, f) for f in ("metric", "unit", "baseline", "target"))


def _fill(view: dict, **typed: str) -> dict:
    values = submitted_values(view)
    for block_id, text in typed.items():
        state = values[block_id][ActionId.INPUT]
        key = {"datepicker": "selected_date", "users_select": "selected_user"}.get(state["type"], "value")
        state[key] = text
    return values


def test_objective_modal_round_trip():
    meta = ObjectiveModalMeta(goal_id=12, channel_id="C1")
    view = view_dict(build_objective_modal(meta, "Raise <CSAT>", default_due=DUE))
    assert view["callback_id"] == CallbackId.OBJECTIVE_MODAL
    assert view["title"]["text"] == "Add objective"
    assert ObjectiveModalMeta.load(view["private_metadata"]) == meta
    assert "For the goal *Raise &lt;CSAT&gt;*" in all_texts(view)
    values = _fill(view, **{METRIC: "Repeat orders", UNIT: "per month", BASELINE: "1200", TARGET: "1500"})
    assert read_objective_form(values) == (
        ObjectiveDraft(metric="Repeat orders", unit="per month", baseline=1200.0, target=1500.0),
        DUE,
        {},
    )


def test_objective_modal_errors():
    view = view_dict(build_objective_modal(ObjectiveModalMeta(goal_id=1), "Goal", DUE))
    values = _fill(view, **{BASELINE: "abc", TARGET: "85"})
    values[BlockId.OBJECTIVE_DUE][ActionId.INPUT]["value"] = None
    draft, due, errors = read_objective_form(values)
    assert (draft.baseline, draft.target, due) == (None, 85.0, None)
    assert errors == {
        METRIC: "Name what you will measure, e.g. CSAT score",
        BASELINE: "Enter a number, e.g. 78",
        BlockId.OBJECTIVE_DUE: 'Say when it should be reached, e.g. 2027-03-31 or "end of June"',
    }
    same = _fill(view, **{METRIC: "CSAT", BASELINE: "85", TARGET: "85"})
    assert read_objective_form(same)[2] == {TARGET: "Make the target different from the baseline"}
    assert set(read_objective_form({})[2]) == {METRIC, BASELINE, TARGET, BlockId.OBJECTIVE_DUE}


def test_strategy_modal_round_trip_and_blank():
    view = view_dict(build_strategy_modal(StrategyModalMeta(goal_id=12), "Raise CSAT"))
    assert (view["callback_id"], view["title"]["text"]) == (CallbackId.STRATEGY_MODAL, "Add strategy")
    values = _fill(view, **{BlockId.STRATEGY_TITLE: "  Call back unhappy customers "})
    assert read_strategy_form(values) == ("Call back unhappy customers", {})
    title, errors = read_strategy_form(_fill(view, **{BlockId.STRATEGY_TITLE: "   "}))
    assert title == ""
    assert list(errors) == [BlockId.STRATEGY_TITLE]


def test_tactic_modal_round_trip_with_defaults():
    meta = TacticModalMeta(goal_id=12, strategy_id=2)
    view = view_dict(build_tactic_modal(meta, "Call back", default_owner="U1", default_due=DUE))
    assert (view["callback_id"], view["title"]["text"]) == (CallbackId.TACTIC_MODAL, "Add tactic")
    owner = next(b for b in view["blocks"] if b.get("block_id") == BlockId.TACTIC_OWNER)
    assert owner["element"]["type"] == "users_select"
    values = _fill(view, **{BlockId.TACTIC_TITLE: "Write the script"})
    assert read_tactic_form(values) == (TacticDraft("Write the script", "U1", DUE), {})


def test_tactic_modal_errors():
    tactic, errors = read_tactic_form({BlockId.TACTIC_DUE: {"input": {"selected_date": "31/03/2027"}}})
    assert tactic is None
    assert set(errors) == {BlockId.TACTIC_TITLE, BlockId.TACTIC_OWNER, BlockId.TACTIC_DUE}
    assert errors[BlockId.TACTIC_DUE].startswith("Pick a date from the calendar")


def test_long_titles_fit():
    long = "x" * 5000
    view_dict(build_objective_modal(ObjectiveModalMeta(goal_id=1), long, DUE))
    view_dict(build_strategy_modal(StrategyModalMeta(goal_id=1), long))
    view_dict(
        build_tactic_modal(
            TacticModalMeta(goal_id=1, strategy_id=2), long, default_owner="U1", default_due=DUE
        )
    )


TODAY = date(2027, 2, 15)


def test_item_due_dates_take_phrases_and_refuse_passed_dates():
    objective = view_dict(build_objective_modal(ObjectiveModalMeta(goal_id=1), "Goal", DUE))
    typed = {METRIC: "CSAT", BASELINE: "78", TARGET: "85"}
    due_block = next(b for b in objective["blocks"] if b.get("block_id") == BlockId.OBJECTIVE_DUE)
    assert due_block["element"]["type"] == "plain_text_input"
    assert "end of June" in due_block["hint"]["text"]

    values = _fill(objective, **typed, **{BlockId.OBJECTIVE_DUE: "by end of June"})
    assert read_objective_form(values, today=TODAY)[1:] == (date(2027, 6, 30), {})

    passed = _fill(objective, **typed, **{BlockId.OBJECTIVE_DUE: "2027-01-31"})
    errors = read_objective_form(passed, today=TODAY)[2]
    assert errors[BlockId.OBJECTIVE_DUE].startswith("That date has passed (today is 2027-02-15)")

    meta = TacticModalMeta(goal_id=12, strategy_id=2)
    tactic = view_dict(build_tactic_modal(meta, "Call back", default_owner="U1", default_due=DUE))
    soon = _fill(tactic, **{BlockId.TACTIC_TITLE: "Script", BlockId.TACTIC_DUE: "in 2 weeks"})
    assert read_tactic_form(soon, today=TODAY) == (TacticDraft("Script", "U1", date(2027, 3, 1)), {})
    junk = _fill(tactic, **{BlockId.TACTIC_TITLE: "Script", BlockId.TACTIC_DUE: "whenever"})
    assert "end of June" in read_tactic_form(junk, today=TODAY)[1][BlockId.TACTIC_DUE]
