"""Reading what the bot said, wherever Slack would show it."""

import json

from sqlalchemy import func, select

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


_UNSET = object()


def fill(view: dict, answers: dict[str, object] | None = None) -> dict:
    """state.values as Slack would send them: the form's initial values, overridden by `answers`.

    Answers are keyed by block_id; a select takes an option value, a date "YYYY-MM-DD", users a user id.
    """
    answers = answers or {}
    values: dict = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        kind = element["type"]
        answer = answers.get(block["block_id"], _UNSET)
        if kind in ("plain_text_input", "number_input"):
            value = element.get("initial_value") if answer is _UNSET else answer
            state = {"type": kind, "value": None if value in (None, "") else str(value)}
        elif kind == "static_select":
            wanted = (element.get("initial_option") or {}).get("value") if answer is _UNSET else answer
            options = [o for g in element.get("option_groups", []) for o in g["options"]] + element.get(
                "options", []
            )
            chosen = next((o for o in options if o["value"] == wanted), None)
            state = {"type": kind, "selected_option": chosen}
        elif kind == "datepicker":
            state = {
                "type": kind,
                "selected_date": element.get("initial_date") if answer is _UNSET else answer,
            }
        elif kind == "users_select":
            state = {
                "type": kind,
                "selected_user": element.get("initial_user") if answer is _UNSET else answer,
            }
        else:
            raise AssertionError(f"fill() does not know {kind}")
        values[block["block_id"]] = {element["action_id"]: state}
    return values
