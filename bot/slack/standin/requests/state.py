"""view.state.values as Slack sends them: each input's element type and the key its answer is under."""

from collections.abc import Mapping
from typing import Any

# The key each element reports its answer under, in state.values and in block_actions.
_STATE_KEYS = {
    **dict.fromkeys(("plain_text_input", "number_input", "email_text_input", "url_text_input"), "value"),
    "button": "value",
    **dict.fromkeys(("static_select", "external_select", "radio_buttons", "overflow"), "selected_option"),
    **dict.fromkeys(("multi_static_select", "multi_external_select", "checkboxes"), "selected_options"),
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "datetimepicker": "selected_date_time",
    "users_select": "selected_user",
    "multi_users_select": "selected_users",
    "conversations_select": "selected_conversation",
    "multi_conversations_select": "selected_conversations",
    "channels_select": "selected_channel",
    "multi_channels_select": "selected_channels",
}
_OPTIONS = ("selected_option", "selected_options")


def state_key(element_type: str) -> str | None:
    """ "value", "selected_option", "selected_date"…; None for elements Slack reports no state for."""
    return _STATE_KEYS.get(element_type)


def state_value(element_type: str, value: Any, *, text: str | None = None) -> dict[str, Any]:
    """One element's state, e.g. state_value("static_select", "monthly") or
    state_value("datepicker", "2027-03-31"); None means the user left it empty. An option may be
    given as its value (a text is made up) or as the option object itself."""
    key = state_key(element_type)
    if key is None:
        raise ValueError(f"state_value knows {sorted(_STATE_KEYS)}, not {element_type!r}")
    chosen = value
    if key == "selected_option" and isinstance(value, str):
        chosen = {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}
    if key.endswith("s") and value is None:
        chosen = []
    return {"type": element_type, key: chosen}


def options_of(element: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    options = list(element.get("options") or ())
    for group in element.get("option_groups") or ():
        options.extend(group.get("options") or ())
    return options


_UNSET = object()


def fill(view: Mapping[str, Any], answers: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """state.values for a view: each input's initial value, overridden by `answers` (by block_id).

    A select takes an option value, a date "YYYY-MM-DD", users a user id, multi-selects a list.
    """
    answers = answers or {}
    values: dict[str, Any] = {}
    for block in view.get("blocks") or ():
        if block.get("type") != "input":
            continue
        element, kind = block["element"], block["element"]["type"]
        key = state_key(kind)
        if key is None:
            raise ValueError(f"fill() does not know {kind}")
        answer = answers.get(block["block_id"], _UNSET)
        initial = (
            element.get("initial_" + key.removeprefix("selected_"))
            if key != "value"
            else element.get("initial_value")
        )
        if key in _OPTIONS:
            wanted = answer if answer is not _UNSET else _option_values(initial)
            chosen = [o for o in options_of(element) if o["value"] in _as_list(wanted)]
            value: Any = chosen if key == "selected_options" else (chosen[0] if chosen else None)
        else:
            value = initial if answer is _UNSET else answer
            if key == "value":
                value = None if value in (None, "") else str(value)
        values[block["block_id"]] = {element["action_id"]: {"type": kind, key: value}}
    return values


def _option_values(initial: Any) -> Any:
    if isinstance(initial, list):
        return [o["value"] for o in initial]
    return initial["value"] if isinstance(initial, Mapping) else None


def _as_list(wanted: Any) -> list[Any]:
    return list(wanted) if isinstance(wanted, list | tuple) else [wanted]
