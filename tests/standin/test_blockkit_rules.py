"""Rules that are not lengths: types, uniqueness, required parts, and options that must agree."""

from typing import Any

import pytest

from bot.slack.standin import validate_message_blocks, validate_view
from tests.standin.kit import (
    actions,
    button,
    input_block,
    modal,
    option,
    plain,
    section,
    static_select,
    text_input,
)


def _without(view: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in view.items() if k != key}


# (case, message blocks, expected pointer, words the reason must contain)
MESSAGE_RULES: list[tuple[str, Any, str, str]] = [
    ("blocks not a list", {"type": "divider"}, "/blocks", "must be an array"),
    ("unknown block type", [{"type": "table"}], "/blocks/0/type", "unknown block type 'table'"),
    ("duplicate block_id", [section(block_id="b"), section(block_id="b")], "/blocks/1/block_id", "duplicate"),
    (
        "duplicate action_id in a block",
        [actions(button(action_id="a"), button(action_id="a"))],
        "/blocks/0/elements/1/action_id",
        "duplicate action_id",
    ),
    ("section needs text or fields", [{"type": "section"}], "/blocks/0", "text or fields"),
    (
        "header is plain_text",
        [{"type": "header", "text": {"type": "mrkdwn", "text": "h"}}],
        "/blocks/0/text/type",
        "plain_text",
    ),
    (
        "text object type",
        [section(text="x") | {"text": {"type": "markdown", "text": "x"}}],
        "/blocks/0/text/type",
        "plain_text or mrkdwn",
    ),
    ("empty text", [section("")], "/blocks/0/text/text", "non-empty"),
    (
        "button text is plain_text",
        [actions(button() | {"text": {"type": "mrkdwn", "text": "*b*"}})],
        "/blocks/0/elements/0/text/type",
        "plain_text",
    ),
    (
        "unknown element type",
        [actions({"type": "datetimepicker", "action_id": "d"})],
        "/blocks/0/elements/0/type",
        "unknown element type",
    ),
    (
        "element not allowed in actions",
        [actions(text_input())],
        "/blocks/0/elements/0/type",
        "not allowed in a actions block",
    ),
    ("empty actions", [{"type": "actions", "elements": []}], "/blocks/0/elements", "at least 1"),
    (
        "initial_option not offered",
        [actions(static_select([option("a")], initial_option=option("b")))],
        "/blocks/0/elements/0/initial_option",
        "match one of the options",
    ),
    (
        "select without options",
        [actions({"type": "static_select", "action_id": "s"})],
        "/blocks/0/elements/0/options",
        "missing required field",
    ),
    (
        "initial_value over max_length",
        [input_block(text_input(max_length=3, initial_value="four"))],
        "/blocks/0/element/initial_value",
        "longer than max_length 3",
    ),
    ("input needs an element", [{"type": "input", "label": plain("L")}], "/blocks/0/element", "missing"),
    (
        "number_input needs is_decimal_allowed",
        [input_block({"type": "number_input", "action_id": "n"})],
        "/blocks/0/element/is_decimal_allowed",
        "required",
    ),
    (
        "datepicker date format",
        [actions({"type": "datepicker", "action_id": "d", "initial_date": "31/03/2027"})],
        "/blocks/0/elements/0/initial_date",
        "YYYY-MM-DD",
    ),
    (
        "image needs alt_text",
        [{"type": "image", "image_url": "https://example.com/a.png"}],
        "/blocks/0/alt_text",
        "missing required field",
    ),
    (
        "overflow needs options",
        [actions({"type": "overflow", "action_id": "o", "options": []})],
        "/blocks/0/elements/0/options",
        "at least 1",
    ),
]

VIEW_RULES: list[tuple[str, Any, str, str]] = [
    ("view type", {"type": "dialog", "blocks": []}, "/view/type", "modal or home"),
    ("view not an object", "not a view", "/view", "must be an object"),
    ("modal needs a title", {"type": "modal", "blocks": []}, "/view/title", "missing required field"),
    ("title is plain_text", modal(title={"type": "mrkdwn", "text": "T"}), "/view/title/type", "plain_text"),
    (
        "submit is plain_text",
        modal(submit={"type": "mrkdwn", "text": "S"}),
        "/view/submit/type",
        "plain_text",
    ),
    ("inputs need submit", _without(modal(input_block()), "submit"), "/view/submit", "must have submit"),
    (
        "block_id unique in a view",
        modal(section(block_id="x"), section(block_id="x")),
        "/view/blocks/1/block_id",
        "duplicate",
    ),
    ("view needs blocks", {"type": "home"}, "/view/blocks", "missing required field"),
]


def _ids(cases: list[tuple[str, Any, str, str]]) -> list[str]:
    return [case[0] for case in cases]


@pytest.mark.parametrize(("case", "blocks", "pointer", "words"), MESSAGE_RULES, ids=_ids(MESSAGE_RULES))
def test_message_rule(case: str, blocks: Any, pointer: str, words: str) -> None:
    problems = validate_message_blocks(blocks)
    assert any(p.endswith(f"[json-pointer:{pointer}]") and words in p for p in problems), problems


@pytest.mark.parametrize(("case", "view", "pointer", "words"), VIEW_RULES, ids=_ids(VIEW_RULES))
def test_view_rule(case: str, view: Any, pointer: str, words: str) -> None:
    problems = validate_view(view)
    assert any(p.endswith(f"[json-pointer:{pointer}]") and words in p for p in problems), problems


def test_action_ids_may_repeat_across_blocks() -> None:
    assert validate_message_blocks([actions(button(action_id="a")), actions(button(action_id="a"))]) == []


def test_every_problem_is_reported_not_just_the_first() -> None:
    problems = validate_message_blocks([section("x" * 3001), {"type": "header", "text": plain("h" * 151)}])
    assert [p.rsplit("[", 1)[1] for p in problems] == [
        "json-pointer:/blocks/0/text/text]",
        "json-pointer:/blocks/1/text/text]",
    ]
