"""Block Kit the stand-in listeners post: a modal with every kind of input the console fills, and a card."""

import json

ADD_ROW = "standin_add_row"


def text_input(block_id: str, label: str, *, optional=False, hint=None, **element) -> dict:
    block = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": "input", **element},
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def plan_modal(rows: int = 1, *, notify: bool = False) -> dict:
    blocks = [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": ":bulb: Still missing: owner"}]},
        text_input("title", "Title", initial_value="Plan the launch"),
        {
            "type": "input",
            "block_id": "size",
            "label": {"type": "plain_text", "text": "Size"},
            "element": {
                "type": "static_select",
                "action_id": "input",
                "options": [
                    {"text": {"type": "plain_text", "text": name}, "value": name.lower()}
                    for name in ("Small", "Large")
                ],
            },
        },
        {
            "type": "input",
            "block_id": "due",
            "label": {"type": "plain_text", "text": "Due"},
            "element": {"type": "datepicker", "action_id": "input"},
        },
        {
            "type": "input",
            "block_id": "owner",
            "label": {"type": "plain_text", "text": "Owner"},
            "hint": {"type": "plain_text", "text": "Who makes it happen?"},
            "element": {"type": "users_select", "action_id": "input"},
        },
        *[text_input(f"note_{i}", f"Note {i + 1}", optional=True) for i in range(rows)],
        {"type": "actions", "elements": [button("Add a note", ADD_ROW, str(rows))]},
    ]
    return {
        "type": "modal",
        "callback_id": "plan",
        "title": {"type": "plain_text", "text": "New plan"},
        "submit": {"type": "plain_text", "text": "Save"},
        "notify_on_close": notify,
        "private_metadata": json.dumps({"rows": rows}),
        "blocks": blocks,
    }


def button(text: str, action_id: str, value: str, confirm: dict | None = None) -> dict:
    button = {"type": "button", "text": {"type": "plain_text", "text": text}, "action_id": action_id}
    button["value"] = value
    if confirm:
        button["confirm"] = confirm
    return button


CARD = [
    {"type": "header", "text": {"type": "plain_text", "text": "Plan P1"}},
    {"type": "section", "text": {"type": "mrkdwn", "text": "*Launch* owned by <@U_YOU>"}},
    {
        "type": "actions",
        "block_id": "card_actions",
        "elements": [
            button("Rename", "rename", "P1"),
            button(
                "Delete",
                "delete",
                "P1",
                {
                    "title": {"type": "plain_text", "text": "Delete P1?"},
                    "text": {"type": "plain_text", "text": "This cannot be undone."},
                    "confirm": {"type": "plain_text", "text": "Delete"},
                    "deny": {"type": "plain_text", "text": "Keep"},
                },
            ),
        ],
    },
]
