"""A modal's input blocks as fields: current values, typed answers → view.state.values entries.

Values have exactly the shape Slack puts in view.state.values, e.g.
{"type": "datepicker", "selected_date": "2027-03-31"}. Pure functions; the walk is in modal.py.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bot.entrypoints.console.mrkdwn import name_from_id, plain
from bot.entrypoints.console.render import menu_options
from bot.entrypoints.console.workspace import channel_id
from bot.slack.standin.requests import state_key

# The elements the console can fill from a typed line; their state keys are Slack's (shared state.py).
FILLABLE = frozenset(
    {
        "plain_text_input",
        "email_text_input",
        "url_text_input",
        "number_input",
        "static_select",
        "radio_buttons",
        "multi_static_select",
        "checkboxes",
        "datepicker",
        "timepicker",
        "users_select",
        "multi_users_select",
        "conversations_select",
        "channels_select",
    }
)


def slot(kind: str) -> tuple[str, str]:
    """(key in state.values, key of the element's initial value), e.g. ("selected_date", "initial_date")."""
    key = state_key(kind) if kind in FILLABLE else None
    key = key or "value"
    return key, "initial_value" if key == "value" else key.replace("selected_", "initial_")


_FORMATS = {
    "datepicker": "YYYY-MM-DD",
    "timepicker": "HH:MM",
    "users_select": "a name",
    "multi_users_select": "names, comma-separated",
    "multi_static_select": "comma-separated",
    "checkboxes": "comma-separated",
    "number_input": "a number",
}
_MULTI = {"multi_static_select", "checkboxes", "multi_users_select"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class FormError(ValueError):
    """A typed answer Slack's own client would have refused; the message says what to type."""


@dataclass(frozen=True)
class Field:
    block_id: str
    action_id: str
    label: str
    hint: str
    optional: bool
    element: Mapping

    @property
    def kind(self) -> str:
        return str(self.element.get("type"))


def input_fields(view: Mapping) -> list[Field]:
    return [
        Field(
            block.get("block_id", ""),
            block["element"].get("action_id", ""),
            plain(block.get("label")),
            plain(block.get("hint")),
            bool(block.get("optional")),
            block["element"],
        )
        for block in view.get("blocks") or ()
        if block.get("type") == "input" and block.get("element")
    ]


def field_title(field: Field) -> str:
    """ "Due date (optional, YYYY-MM-DD)": the label and what to type."""
    notes = [note for note in ("optional" if field.optional else "", _FORMATS.get(field.kind, "")) if note]
    return field.label + (f" ({', '.join(notes)})" if notes else "")


def empty_value(field: Field) -> dict:
    key, _ = slot(field.kind)
    return {"type": field.kind, key: [] if field.kind in _MULTI else None}


def current_value(field: Field, values: Mapping) -> dict:
    """What the field holds now: typed earlier (state) or else its initial value."""
    held = values.get(field.block_id, {}).get(field.action_id)
    if held is not None:
        return dict(held)
    key, initial = slot(field.kind)
    value = empty_value(field)
    if field.element.get(initial) is not None:
        value[key] = field.element[initial]
    return value


def is_empty(value: Mapping) -> bool:
    return all(v in (None, "", []) for k, v in value.items() if k != "type")


def shown(value: Mapping, users: Mapping[str, str] | None = None) -> str:
    """A value as a person reads it: "900", "Quarterly", "2027-03-31", "@alice"."""
    kind = str(value.get("type", ""))

    def one(item) -> str:
        if isinstance(item, Mapping):
            return plain(item.get("text"))
        if "users" in kind:
            return "@" + ((users or {}).get(item) or name_from_id(item))
        if "channel" in kind or "conversation" in kind:
            return "#" + name_from_id(item)
        return str(item)

    for key, item in value.items():
        if key != "type" and item not in (None, "", []):
            return ", ".join(one(i) for i in item) if isinstance(item, list) else one(item)
    return ""


def choices_line(field: Field) -> str:
    """ "(1) Annual  (2) Quarterly": numbered unlike buttons, which are [1], [2]."""
    options = menu_options(field.element)
    return "  ".join(f"({n}) {plain(option.get('text'))}" for n, option in enumerate(options, 1))


def _option(field: Field, text: str) -> Mapping:
    options = menu_options(field.element)
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    for option in options:
        if text.casefold() in (plain(option.get("text")).casefold(), str(option.get("value")).casefold()):
            return option
    raise FormError(f"Choose 1-{len(options)} or type an option as shown.")


def _number(field: Field, text: str) -> str:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise FormError("Enter a number, e.g. 900.") from None
    if not field.element.get("is_decimal_allowed") and not number.is_integer():
        raise FormError("Enter a whole number.")
    for bound, fails, word in (
        ("min_value", number.__lt__, "at least"),
        ("max_value", number.__gt__, "at most"),
    ):
        if field.element.get(bound) is not None and fails(float(field.element[bound])):
            raise FormError(f"Enter a number {word} {field.element[bound]}.")
    return text.replace(",", "")


def parse_answer(field: Field, text: str, person_id: Callable[[str], str]) -> dict:
    """The state value for a typed answer; raises FormError with a hint when it cannot be one."""
    kind, (key, _) = field.kind, slot(field.kind)
    if kind not in FILLABLE:
        raise FormError(f"{kind} inputs are not available in the console.")
    if kind in _MULTI:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        one = (lambda p: _option(field, p)) if kind != "multi_users_select" else person_id
        return {"type": kind, key: [one(part) for part in parts]}
    if key == "selected_option":
        return {"type": kind, key: _option(field, text)}
    if kind == "datepicker":
        if not _DATE.fullmatch(text):
            raise FormError("Use YYYY-MM-DD, e.g. 2027-03-31.")
        try:
            date.fromisoformat(text)
        except ValueError:
            raise FormError(f"{text} is not a calendar date.") from None
    elif kind == "timepicker" and not _TIME.fullmatch(text):
        raise FormError("Use HH:MM, e.g. 09:30.")
    elif kind == "users_select":
        text = person_id(text)
    elif kind in ("conversations_select", "channels_select"):
        text = channel_id(text)
    elif kind == "number_input":
        text = _number(field, text)
    elif kind == "plain_text_input":
        if field.element.get("multiline"):
            text = text.replace("\\n", "\n")  # one typed line; \n starts a new one
        limit, least = field.element.get("max_length"), field.element.get("min_length")
        if limit and len(text) > int(limit):
            raise FormError(f"Use at most {limit} characters (this is {len(text)}).")
        if least and len(text) < int(least):
            raise FormError(f"Use at least {least} characters.")
    return {"type": kind, key: text}
