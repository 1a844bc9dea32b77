"""Slack's documented Block Kit limits, in one table, so each check names the limit it enforces.

Every number comes from Slack's reference pages:
- blocks:              https://docs.slack.dev/reference/block-kit/blocks
- block elements:      https://docs.slack.dev/reference/block-kit/block-elements
- composition objects: https://docs.slack.dev/reference/block-kit/composition-objects
- modal / home views:  https://docs.slack.dev/reference/views/modal-views
- message text:        https://docs.slack.dev/reference/methods/chat.postMessage
"""

from typing import Final

LIMITS: Final[dict[str, int]] = {
    # surfaces
    "message_blocks": 50,
    "view_blocks": 100,
    "message_text": 40_000,
    "view_title": 24,
    "view_submit": 24,
    "view_close": 24,
    "callback_id": 255,
    "private_metadata": 3000,
    "external_id": 255,
    # ids
    "block_id": 255,
    "action_id": 255,
    # blocks
    "section_text": 3000,
    "section_fields": 10,
    "section_field_text": 2000,
    "header_text": 150,
    "context_elements": 10,
    "actions_elements": 25,
    "input_label": 2000,
    "input_hint": 2000,
    "image_url": 3000,
    "image_alt_text": 2000,
    "image_title": 2000,
    "markdown_text": 12_000,
    # elements
    "button_text": 75,
    "button_value": 2000,
    "button_url": 3000,
    "button_accessibility_label": 75,
    "placeholder": 150,
    "text_input_length": 3000,
    "select_options": 100,
    "select_option_groups": 100,
    "checkbox_options": 10,
    "radio_options": 10,
    "overflow_options": 5,
    # composition objects
    "option_text": 75,
    "option_value": 150,
    "option_description": 75,
    "option_url": 3000,
    "option_group_label": 75,
    "confirm_title": 100,
    "confirm_text": 300,
    "confirm_button": 30,
}

BLOCK_TYPES: Final = frozenset(
    {"section", "divider", "header", "context", "actions", "input", "image", "rich_text", "markdown"}
)

SELECTS: Final = frozenset(
    {"static_select", "external_select", "users_select", "conversations_select", "channels_select"}
)
MULTI_SELECTS: Final = frozenset({"multi_static_select", "multi_users_select"})
TEXT_INPUTS: Final = frozenset({"plain_text_input", "number_input", "email_text_input", "url_text_input"})
CHOICES: Final = frozenset({"checkboxes", "radio_buttons"})
PICKERS: Final = frozenset({"datepicker", "timepicker"})

ELEMENT_TYPES: Final = (
    frozenset({"button", "overflow", "image"}) | SELECTS | MULTI_SELECTS | TEXT_INPUTS | CHOICES | PICKERS
)

# Where each element may appear (the "Works with" lists on the block pages).
INTERACTIVE: Final = frozenset({"button", "overflow"}) | SELECTS | MULTI_SELECTS | CHOICES | PICKERS
ALLOWED_ELEMENTS: Final[dict[str, frozenset[str]]] = {
    "section": INTERACTIVE | {"image"},
    "actions": INTERACTIVE,
    "input": SELECTS | MULTI_SELECTS | TEXT_INPUTS | CHOICES | PICKERS,
    "context": frozenset({"image"}),
}

TEXT_TYPES: Final = frozenset({"plain_text", "mrkdwn"})
VIEW_TYPES: Final = frozenset({"modal", "home"})
