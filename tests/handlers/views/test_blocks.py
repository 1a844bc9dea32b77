"""unchecked_dicts must give exactly what slack_sdk's validated to_dict() gives."""

import pytest
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import (
    ActionsBlock,
    DividerBlock,
    RichTextBlock,
    RichTextSectionElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.blocks.basic_components import Option, PlainTextObject

from handlers.ids import ActionId
from handlers.views.blocks import button, confirm, context, header, section, unchecked_dicts


def test_our_constructors_serialise_as_to_dict_does():
    blocks = [
        header("Goals"),
        section("*G1* · title", fields=["one", "two"], accessory=button("Open", ActionId.SHOW_GOAL, 1)),
        section("no accessory, no fields", block_id="b1"),
        context("a", "b"),
        ActionsBlock(
            elements=[
                button("More", ActionId.LIST_MORE, "2", style="primary"),
                button("Archive", ActionId.LIST_PREVIOUS, "3", confirm=confirm("Sure?", "Really", yes="Yes")),
            ]
        ),
        DividerBlock(),
    ]

    assert unchecked_dicts(blocks) == [block.to_dict() for block in blocks]


def test_classes_with_their_own_to_dict_and_empty_allowed_lists_serialise_as_to_dict_does():
    select = StaticSelectElement(
        action_id="pick",
        placeholder=PlainTextObject(text="Pick"),
        options=[Option(value="1", text="One"), Option(value="2", text="Two")],
    )
    blocks = [
        SectionBlock(text="pick one", accessory=select),
        RichTextBlock(elements=[RichTextSectionElement(elements=[])]),
    ]

    assert unchecked_dicts(blocks) == [block.to_dict() for block in blocks]


def test_an_object_with_its_own_to_dict_is_still_checked():
    too_long = Option(value="v", text="x" * 80)  # Slack allows 75 characters in an option
    blocks = [ActionsBlock(elements=[StaticSelectElement(action_id="a", options=[too_long])])]

    with pytest.raises(SlackObjectFormationError):
        unchecked_dicts(blocks)
