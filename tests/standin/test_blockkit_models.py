"""Payloads built with slack_sdk.models, the way the bot builds them, pass locally and over the wire."""

from slack_sdk import WebClient
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DatePickerElement,
    DividerBlock,
    HeaderBlock,
    ImageBlock,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    OverflowMenuElement,
    PlainTextInputElement,
    RadioButtonsElement,
    SectionBlock,
    StaticSelectElement,
    TimePickerElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.slack.standin import SlackStandIn, validate_message_blocks, validate_view

CADENCES = [Option(value=v, text=v.title()) for v in ("weekly", "monthly", "quarterly")]


def message_blocks() -> list[dict]:
    blocks = [
        HeaderBlock(text="Raise CSAT from 78 to 85"),
        SectionBlock(
            block_id="goal",
            text=MarkdownTextObject(text="*G12* is on track"),
            fields=[MarkdownTextObject(text="*Due*\n2027-03-31"), MarkdownTextObject(text="*Now*\n80")],
            accessory=ButtonElement(text="Open", action_id="open", value="G12"),
        ),
        DividerBlock(),
        ContextBlock(elements=[MarkdownTextObject(text="Updated today")]),
        ActionsBlock(
            block_id="controls",
            elements=[
                ButtonElement(text="Check in", action_id="checkin", value="G12", style="primary"),
                StaticSelectElement(
                    action_id="cadence", placeholder="Cadence", options=CADENCES, initial_option=CADENCES[1]
                ),
                OverflowMenuElement(action_id="more", options=CADENCES[:2]),
                DatePickerElement(action_id="due", initial_date="2027-03-31"),
                TimePickerElement(action_id="at", initial_time="09:30"),
                UserSelectElement(action_id="owner", placeholder="Owner"),
                CheckboxesElement(action_id="flags", options=CADENCES[:1]),
                RadioButtonsElement(action_id="pick", options=CADENCES, initial_option=CADENCES[0]),
            ],
        ),
        ImageBlock(image_url="https://example.com/chart.png", alt_text="progress chart"),
    ]
    return [block.to_dict() for block in blocks]


def goal_modal() -> dict:
    return View(
        type="modal",
        callback_id="goal_new",
        private_metadata='{"goal_id": 12}',
        title="New goal",
        submit="Save",
        close="Cancel",
        blocks=[
            InputBlock(
                block_id="title",
                label="Goal",
                hint="Raise CSAT from 78 to 85 by 2027-03-31",
                element=PlainTextInputElement(action_id="value", max_length=200, initial_value="Raise CSAT"),
            ),
            InputBlock(
                block_id="target",
                label="Target",
                element=NumberInputElement(action_id="value", is_decimal_allowed=True),
            ),
            InputBlock(
                block_id="cadence",
                label="Cadence",
                element=StaticSelectElement(action_id="value", options=CADENCES, initial_option=CADENCES[0]),
            ),
            InputBlock(block_id="due", label="Due", element=DatePickerElement(action_id="value")),
            InputBlock(
                block_id="owner", label="Owner", optional=True, element=UserSelectElement(action_id="value")
            ),
        ],
    ).to_dict()


def test_model_built_message_is_valid() -> None:
    assert validate_message_blocks(message_blocks()) == []


def test_model_built_modal_and_home_are_valid() -> None:
    assert validate_view(goal_modal()) == []
    home = View(type="home", blocks=[SectionBlock(text="Your goals"), DividerBlock()]).to_dict()
    assert validate_view(home) == []


def test_model_built_payloads_are_accepted_over_the_wire(slack_api: SlackStandIn) -> None:
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url)
    assert client.chat_postMessage(channel="C1", text="Goal", blocks=message_blocks())["ok"]
    assert client.views_open(trigger_id="trigger-1", view=goal_modal())["ok"]
    home = View(type="home", blocks=[SectionBlock(text="Your goals")])
    assert client.views_publish(user_id="U1", view=home)["ok"]
    assert slack_api.rejections() == []
