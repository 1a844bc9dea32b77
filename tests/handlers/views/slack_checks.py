"""What Slack itself would check about our payloads, and the state.values it would send back."""

from collections.abc import Sequence

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

LIMITS = {
    "section": 3000,
    "field": 2000,
    "header": 150,
    "button": 75,
    "option": 75,
    "context": 3000,
    "hint": 2000,
    "label": 2000,
    "placeholder": 150,
}


def message_dicts(blocks: Sequence[Block]) -> list[dict]:
    """to_dict() runs slack_sdk's own validators; then Slack's limits that it does not check."""
    dicts = [block.to_dict() for block in blocks]
    assert 0 < len(dicts) <= 50, f"{len(dicts)} blocks in a message"
    check_blocks(dicts)
    return dicts


def view_dict(view: View) -> dict:
    data = view.to_dict()
    assert 0 < len(data["blocks"]) <= 100, f"{len(data['blocks'])} blocks in a view"
    assert len(data.get("private_metadata", "")) <= 3000
    if data["type"] == "modal":
        assert 1 <= len(data["title"]["text"]) <= 24
    check_blocks(data["blocks"])
    return data


def check_blocks(blocks: list[dict]) -> None:
    block_ids = [block["block_id"] for block in blocks if "block_id" in block]
    assert len(block_ids) == len(set(block_ids)), f"duplicate block ids: {block_ids}"
    for block in blocks:
        _check_block(block)


def _check_block(block: dict) -> None:
    kind = block["type"]
    if kind == "section":
        assert len(block["text"]["text"]) <= LIMITS["section"]
        for field in block.get("fields", []):
            assert len(field["text"]) <= LIMITS["field"]
        assert len(block.get("fields", [])) <= 10
        if "accessory" in block:
            _check_element(block["accessory"])
    elif kind == "header":
        assert len(block["text"]["text"]) <= LIMITS["header"]
        assert block["text"]["type"] == "plain_text"
    elif kind == "context":
        assert 1 <= len(block["elements"]) <= 10
        for element in block["elements"]:
            assert len(element["text"]) <= LIMITS["context"]
    elif kind == "actions":
        assert 1 <= len(block["elements"]) <= 25
        action_ids = [element["action_id"] for element in block["elements"]]
        assert len(action_ids) == len(set(action_ids)), f"duplicate action ids: {action_ids}"
        for element in block["elements"]:
            _check_element(element)
    elif kind == "input":
        assert len(block["label"]["text"]) <= LIMITS["label"]
        if "hint" in block:
            assert len(block["hint"]["text"]) <= LIMITS["hint"]
        _check_element(block["element"])
    else:
        assert kind == "divider", f"unexpected block type {kind}"


def _check_element(element: dict) -> None:
    if "placeholder" in element:
        assert len(element["placeholder"]["text"]) <= LIMITS["placeholder"]
    if element["type"] == "button":
        assert len(element["text"]["text"]) <= LIMITS["button"]
        assert len(element.get("value", "")) <= 2000
    if element["type"] == "static_select":
        assert 1 <= len(element["options"]) <= 100
        values = [option["value"] for option in element["options"]]
        assert len(values) == len(set(values))
        for option in element["options"]:
            assert len(option["text"]["text"]) <= LIMITS["option"]
    if element["type"] == "plain_text_input" and "initial_value" in element:
        assert len(element["initial_value"]) <= element.get("max_length", 3000)


def submitted_values(view: dict) -> dict:
    """The state.values Slack sends when a modal is submitted as built (initial values kept)."""
    values: dict = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        kind = element["type"]
        if kind in ("plain_text_input", "number_input"):
            state = {"value": element.get("initial_value")}
        elif kind == "static_select":
            state = {"selected_option": element.get("initial_option")}
        elif kind == "datepicker":
            state = {"selected_date": element.get("initial_date")}
        elif kind == "users_select":
            state = {"selected_user": element.get("initial_user")}
        else:
            raise AssertionError(f"no state for {kind}")
        values[block["block_id"]] = {element["action_id"]: {"type": kind, **state}}
    return values


def all_texts(data: object) -> list[str]:
    """Every "text" string in a payload, to search for what a person would read."""
    if isinstance(data, dict):
        found = [data["text"]] if isinstance(data.get("text"), str) else []
        return found + [text for value in data.values() for text in all_texts(value)]
    if isinstance(data, list):
        return [text for item in data for text in all_texts(item)]
    return []
