"""Typed answers → view.state.values entries, as Slack's client would build them."""

import pytest

from bot.entrypoints.console.forms import (
    Field,
    FormError,
    choices_line,
    current_value,
    empty_value,
    field_title,
    input_fields,
    is_empty,
    parse_answer,
    shown,
)

LEVELS = [
    {"text": {"type": "plain_text", "text": "Annual"}, "value": "annual"},
    {"text": {"type": "plain_text", "text": "Quarterly"}, "value": "quarterly"},
]


def field(kind: str, **element) -> Field:
    return Field("block", "input", "Label", "", False, {"type": kind, "action_id": "input", **element})


def person_id(name: str) -> str:
    return "U_" + name.lstrip("@").upper()


def test_input_fields_come_in_order_with_label_hint_and_optional():
    view = {
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Objective 1*"}},
            {
                "type": "input",
                "block_id": "objective_0_baseline",
                "optional": True,
                "label": {"type": "plain_text", "text": "Baseline"},
                "hint": {"type": "plain_text", "text": ":bulb: Add a baseline"},
                "element": {"type": "number_input", "action_id": "input", "is_decimal_allowed": True},
            },
        ]
    }

    [only] = input_fields(view)

    assert (only.block_id, only.action_id, only.label, only.hint, only.optional, only.kind) == (
        "objective_0_baseline",
        "input",
        "Baseline",
        "💡 Add a baseline",
        True,
        "number_input",
    )


def test_current_value_prefers_what_was_typed_over_the_initial_value():
    title = field("plain_text_input", initial_value="Grow repeat orders")

    assert current_value(title, {}) == {"type": "plain_text_input", "value": "Grow repeat orders"}
    typed = {"block": {"input": {"type": "plain_text_input", "value": "Typed"}}}
    assert current_value(title, typed)["value"] == "Typed"


def test_a_field_title_says_what_to_type():
    due = Field("goal_due", "input", "Due date", "", True, {"type": "datepicker"})

    assert field_title(due) == "Due date (optional, YYYY-MM-DD)"
    assert field_title(field("plain_text_input")) == "Label"


def test_empty_values_have_slacks_shape():
    assert empty_value(field("static_select")) == {"type": "static_select", "selected_option": None}
    assert empty_value(field("checkboxes")) == {"type": "checkboxes", "selected_options": []}
    assert is_empty(empty_value(field("datepicker")))


@pytest.mark.parametrize("answer", ["2", "quarterly", "QUARTERLY"])
def test_a_select_takes_a_number_or_the_option(answer):
    level = field("static_select", options=LEVELS)

    assert parse_answer(level, answer, person_id) == {"type": "static_select", "selected_option": LEVELS[1]}


def test_a_select_refuses_anything_else_and_lists_options_numbered_unlike_buttons():
    level = field("static_select", options=LEVELS)

    with pytest.raises(FormError, match="Choose 1-2"):
        parse_answer(level, "3", person_id)
    assert choices_line(level) == "(1) Annual  (2) Quarterly"


def test_a_multi_select_takes_several():
    many = field("multi_static_select", options=LEVELS)

    assert parse_answer(many, "1, quarterly", person_id)["selected_options"] == LEVELS


@pytest.mark.parametrize(
    ("answer", "problem"), [("31/03/2027", "YYYY-MM-DD"), ("2027-02-30", "not a calendar")]
)
def test_a_datepicker_takes_iso_dates_only(answer, problem):
    with pytest.raises(FormError, match=problem):
        parse_answer(field("datepicker"), answer, person_id)
    assert parse_answer(field("datepicker"), "2027-03-31", person_id)["selected_date"] == "2027-03-31"


def test_people_and_channels_are_typed_by_name():
    assert parse_answer(field("users_select"), "@alice", person_id)["selected_user"] == "U_ALICE"
    assert parse_answer(field("multi_users_select"), "alice, bob", person_id)["selected_users"] == [
        "U_ALICE",
        "U_BOB",
    ]
    assert parse_answer(field("channels_select"), "#ops", person_id)["selected_channel"] == "C_OPS"


def test_number_inputs_check_what_slack_checks():
    whole = field("number_input", min_value="0")
    with pytest.raises(FormError, match="whole"):
        parse_answer(whole, "1.5", person_id)
    with pytest.raises(FormError, match="at least 0"):
        parse_answer(whole, "-1", person_id)
    with pytest.raises(FormError, match="number"):
        parse_answer(whole, "lots", person_id)
    assert parse_answer(whole, "1,200", person_id)["value"] == "1200"


def test_text_inputs_respect_lengths_and_multiline_escapes():
    why = field("plain_text_input", max_length=10, multiline=True)

    assert parse_answer(why, r"one\ntwo", person_id)["value"] == "one\ntwo"
    with pytest.raises(FormError, match="at most 10"):
        parse_answer(why, "far too long for it", person_id)


def test_elements_the_console_cannot_fill_say_so():
    with pytest.raises(FormError, match="not available"):
        parse_answer(field("external_select"), "x", person_id)


def test_values_are_shown_as_people_read_them():
    assert shown({"type": "static_select", "selected_option": LEVELS[0]}) == "Annual"
    assert shown({"type": "users_select", "selected_user": "U_ALICE"}, {"U_ALICE": "alice"}) == "@alice"
    assert shown({"type": "plain_text_input", "value": "Upsell rate"}) == "Upsell rate"
    assert shown({"type": "multi_static_select", "selected_options": LEVELS}) == "Annual, Quarterly"
    assert shown({"type": "datepicker", "selected_date": None}) == ""
