"""Reading what the bot said, wherever Slack would show it."""

import json

from sqlalchemy import func, select

from bot.slack.standin.requests import fill as shared_fill
from models import Goal, Measurement, MonthlyFocus, Objective


def all_text(payload) -> str:
    """Every string in a message or view, so assertions don't depend on block layout."""
    if payload is None:
        return ""
    if isinstance(payload, str):
        return payload
    return " ".join(_strings(payload))


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def counts(sessions) -> dict[str, int]:
    return {m.__name__: count(sessions, m) for m in (Goal, Objective, Measurement, MonthlyFocus)}


def opened_view(standin, nth: int = 1) -> dict:
    """The nth modal the bot opened (listeners run after the ack, so this waits for it)."""
    call = standin.wait_for("views.open", count=nth)[nth - 1]
    view = call.body["view"]
    return json.loads(view) if isinstance(view, str) else view


def button_values(blocks, action_id: str) -> list[str]:
    found = []
    for node in _dicts(blocks):
        if node.get("type") == "button" and node.get("action_id") == action_id:
            found.append(node.get("value"))
    return found


def _dicts(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _dicts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dicts(value)


def fill(view: dict, answers: dict[str, object] | None = None) -> dict:
    """state.values as Slack would send them (bot/slack/standin/requests/state.py)."""
    return shared_fill(view, answers)


def button_block(blocks, action_id: str, value: str) -> str | None:
    """The block_id of the actions block holding that button, as a press would carry it."""
    for node in _dicts(blocks):
        if node.get("type") == "actions" and any(
            e.get("action_id") == action_id and e.get("value") == value for e in node.get("elements") or []
        ):
            return node.get("block_id")
    return None
