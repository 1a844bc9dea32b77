"""Each documented limit: a payload exactly at the limit passes, one past it fails, pointing at the spot."""

from collections.abc import Callable
from typing import Any

import pytest

from bot.slack.standin import LIMITS, validate_message_blocks, validate_view
from tests.standin.kit import (
    actions,
    button,
    input_block,
    modal,
    mrkdwn,
    option,
    plain,
    section,
    static_select,
    text_input,
)

Build = Callable[[int], Any]

# (limit name, message blocks built for size n, where the error must point)
MESSAGE_LIMITS: list[tuple[str, Build, str]] = [
    ("message_blocks", lambda n: [{"type": "divider"}] * n, "/blocks"),
    ("block_id", lambda n: [section(block_id="b" * n)], "/blocks/0/block_id"),
    ("action_id", lambda n: [actions(button(action_id="a" * n))], "/blocks/0/elements/0/action_id"),
    ("section_text", lambda n: [section("x" * n)], "/blocks/0/text/text"),
    ("section_fields", lambda n: [{"type": "section", "fields": [mrkdwn("f")] * n}], "/blocks/0/fields"),
    (
        "section_field_text",
        lambda n: [{"type": "section", "fields": [mrkdwn("f" * n)]}],
        "/blocks/0/fields/0/text",
    ),
    ("header_text", lambda n: [{"type": "header", "text": plain("h" * n)}], "/blocks/0/text/text"),
    (
        "context_elements",
        lambda n: [{"type": "context", "elements": [mrkdwn("c")] * n}],
        "/blocks/0/elements",
    ),
    (
        "actions_elements",
        lambda n: [actions(*[button(action_id=f"a{i}") for i in range(n)])],
        "/blocks/0/elements",
    ),
    ("button_text", lambda n: [actions(button(text="t" * n))], "/blocks/0/elements/0/text/text"),
    ("button_value", lambda n: [actions(button(value="v" * n))], "/blocks/0/elements/0/value"),
    ("button_url", lambda n: [actions(button(url="u" * n))], "/blocks/0/elements/0/url"),
    (
        "select_options",
        lambda n: [actions(static_select([option(f"o{i}") for i in range(n)]))],
        "/blocks/0/elements/0/options",
    ),
    (
        "option_text",
        lambda n: [actions(static_select([option("v", "t" * n)]))],
        "/blocks/0/elements/0/options/0/text/text",
    ),
    (
        "option_value",
        lambda n: [actions(static_select([option("v" * n, "Short")]))],
        "/blocks/0/elements/0/options/0/value",
    ),
    (
        "placeholder",
        lambda n: [actions(static_select([option("a")], placeholder=plain("p" * n)))],
        "/blocks/0/elements/0/placeholder/text",
    ),
    ("input_label", lambda n: [input_block(label="l" * n)], "/blocks/0/label/text"),
    ("input_hint", lambda n: [input_block(hint=plain("h" * n))], "/blocks/0/hint/text"),
    ("markdown_text", lambda n: [{"type": "markdown", "text": "m" * n}], "/blocks/0/text"),
]

VIEW_LIMITS: list[tuple[str, Build, str]] = [
    ("view_blocks", lambda n: {"type": "home", "blocks": [{"type": "divider"}] * n}, "/view/blocks"),
    ("view_title", lambda n: modal(title=plain("t" * n)), "/view/title/text"),
    ("view_submit", lambda n: modal(submit=plain("s" * n)), "/view/submit/text"),
    ("view_close", lambda n: modal(close=plain("c" * n)), "/view/close/text"),
    ("callback_id", lambda n: modal(callback_id="c" * n), "/view/callback_id"),
    ("private_metadata", lambda n: modal(private_metadata="m" * n), "/view/private_metadata"),
    (
        "text_input_length",
        lambda n: modal(input_block(text_input(max_length=n))),
        "/view/blocks/0/element/max_length",
    ),
]


def _ids(cases: list[tuple[str, Build, str]]) -> list[str]:
    return [name for name, _, _ in cases]


@pytest.mark.parametrize(("limit", "build", "pointer"), MESSAGE_LIMITS, ids=_ids(MESSAGE_LIMITS))
def test_message_limit(limit: str, build: Build, pointer: str) -> None:
    assert validate_message_blocks(build(LIMITS[limit])) == []
    problems = validate_message_blocks(build(LIMITS[limit] + 1))
    assert len(problems) == 1, problems
    assert problems[0].endswith(f"[json-pointer:{pointer}]")


@pytest.mark.parametrize(("limit", "build", "pointer"), VIEW_LIMITS, ids=_ids(VIEW_LIMITS))
def test_view_limit(limit: str, build: Build, pointer: str) -> None:
    assert validate_view(build(LIMITS[limit])) == []
    problems = validate_view(build(LIMITS[limit] + 1))
    assert len(problems) == 1, problems
    assert problems[0].endswith(f"[json-pointer:{pointer}]")


def test_reasons_name_the_limit_and_the_size() -> None:
    [problem] = validate_message_blocks([section("x" * 3001)])
    assert (
        problem
        == "section_text must be at most 3000 characters (got 3001) [json-pointer:/blocks/0/text/text]"
    )
