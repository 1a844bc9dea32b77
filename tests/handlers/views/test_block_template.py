"""A template fills in whole values where the builder put its placeholder, and nothing else."""

import pytest
from slack_sdk.models.blocks import ActionsBlock

from handlers.ids import ActionId
from handlers.views.block_template import PLACEHOLDER, BlockTemplate
from handlers.views.blocks import button, context, section, unchecked_dicts


def blocks(value: str) -> list:
    return [
        section("*Hello* <team>"),
        ActionsBlock(
            elements=[
                button("Answer", ActionId.CHECKIN_ANSWER, value, style="primary"),
                button("1", ActionId.CHECKIN_CONFIDENCE_1, value),
            ]
        ),
        context("no value here"),
    ]


def test_filling_in_gives_what_building_with_the_value_gives():
    template = BlockTemplate(blocks(PLACEHOLDER))
    assert template.fill("41") == [block.to_dict() for block in blocks("41")]
    assert template.fill("42") == unchecked_dicts(blocks("42"))


def test_each_fill_has_its_own_copies_of_what_it_changed():
    template = BlockTemplate(blocks(PLACEHOLDER))
    first = template.fill("41")
    second = template.fill("42")
    assert [e["value"] for e in first[1]["elements"]] == ["41", "41"]
    assert [e["value"] for e in second[1]["elements"]] == ["42", "42"]
    assert first is not second and first[1] is not second[1]
    assert first[0] is second[0]  # untouched blocks are shared, not copied


def test_a_placeholder_inside_text_is_refused():
    with pytest.raises(ValueError, match="inside text"):
        BlockTemplate([section(f"For {PLACEHOLDER}")])
