"""Small raw Block Kit builders for the stand-in's own tests (raw dicts, so they can break the rules)."""

from typing import Any


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def section(text: str = "Hello", **extra: Any) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text), **extra}


def button(action_id: str = "go", text: str = "Go", **extra: Any) -> dict[str, Any]:
    return {"type": "button", "action_id": action_id, "text": plain(text), **extra}


def actions(*elements: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "actions", "elements": list(elements or [button()]), **extra}


def option(value: str, text: str | None = None) -> dict[str, Any]:
    return {"text": plain(text or value), "value": value}


def static_select(options: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"type": "static_select", "action_id": "pick", "options": options, **extra}


def text_input(**extra: Any) -> dict[str, Any]:
    return {"type": "plain_text_input", "action_id": "text", **extra}


def input_block(element: dict[str, Any] | None = None, label: str = "Name", **extra: Any) -> dict[str, Any]:
    return {"type": "input", "label": plain(label), "element": element or text_input(), **extra}


def modal(*blocks: dict[str, Any], **extra: Any) -> dict[str, Any]:
    has_input = any(block["type"] == "input" for block in blocks)
    submit = {"submit": plain("Save")} if has_input else {}
    return {"type": "modal", "title": plain("Goal"), "blocks": list(blocks), **submit, **extra}
