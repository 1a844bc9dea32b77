"""Block elements: type, where it may appear, action_id, and each element's own limits."""

import re
from collections.abc import Callable

from bot.slack.standin.blockkit.limits import ALLOWED_ELEMENTS, ELEMENT_TYPES, LIMITS, MULTI_SELECTS
from bot.slack.standin.blockkit.options import check_initial, check_options
from bot.slack.standin.blockkit.problems import Problems

_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def check_element(p: Problems, element: object, pointer: str, *, block: str, action_ids: set[str]) -> None:
    if not isinstance(element, dict):
        p.add(pointer, "element must be an object")
        return
    kind = element.get("type")
    if kind not in ELEMENT_TYPES:
        p.add(f"{pointer}/type", f"unknown element type {kind!r}")
        return
    if kind not in ALLOWED_ELEMENTS[block]:
        p.add(f"{pointer}/type", f"{kind} is not allowed in a {block} block")
        return
    if kind != "image":
        p.unique_id(element, "action_id", pointer, action_ids)
        p.text(element, "placeholder", pointer, "placeholder", plain=True)
    _CHECKS.get(kind, _nothing_more)(p, element, pointer)


def _button(p: Problems, el: dict, ptr: str) -> None:
    p.text(el, "text", ptr, "button_text", plain=True, required=True)
    p.string(el, "value", ptr, "button_value")
    p.string(el, "url", ptr, "button_url")
    p.string(el, "accessibility_label", ptr, "button_accessibility_label")
    if el.get("style") not in (None, "primary", "danger"):
        p.add(f"{ptr}/style", f"style must be primary or danger (got {el.get('style')!r})")
    _confirm(p, el, ptr)


def _confirm(p: Problems, el: dict, ptr: str) -> None:
    confirm = el.get("confirm")
    if confirm is None:
        return
    where = f"{ptr}/confirm"
    if not isinstance(confirm, dict):
        p.add(where, "confirm must be an object")
        return
    p.text(confirm, "title", where, "confirm_title", plain=True, required=True)
    p.text(confirm, "text", where, "confirm_text", required=True)
    p.text(confirm, "confirm", where, "confirm_button", plain=True, required=True)
    p.text(confirm, "deny", where, "confirm_button", plain=True, required=True)


def _static_select(p: Problems, el: dict, ptr: str) -> None:
    offered = check_options(p, el, ptr, "select_options")
    check_initial(p, el, ptr, offered)
    _max_selected(p, el, ptr)
    _confirm(p, el, ptr)


def _choices(limit: str) -> Callable[[Problems, dict, str], None]:
    def check(p: Problems, el: dict, ptr: str) -> None:
        offered = check_options(p, el, ptr, limit, plain=False)
        check_initial(p, el, ptr, offered)
        _confirm(p, el, ptr)

    return check


def _overflow(p: Problems, el: dict, ptr: str) -> None:
    check_options(p, el, ptr, "overflow_options")
    _confirm(p, el, ptr)


def _dynamic_select(p: Problems, el: dict, ptr: str) -> None:
    _max_selected(p, el, ptr)
    _confirm(p, el, ptr)


def _max_selected(p: Problems, el: dict, ptr: str) -> None:
    if el.get("type") in MULTI_SELECTS and "max_selected_items" in el:
        value = el["max_selected_items"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            p.add(f"{ptr}/max_selected_items", "max_selected_items must be an integer of at least 1")


def _datepicker(p: Problems, el: dict, ptr: str) -> None:
    _pattern(p, el, "initial_date", ptr, _DATE, "YYYY-MM-DD")
    _confirm(p, el, ptr)


def _timepicker(p: Problems, el: dict, ptr: str) -> None:
    _pattern(p, el, "initial_time", ptr, _TIME, "HH:mm")
    _confirm(p, el, ptr)


def _pattern(p: Problems, el: dict, key: str, ptr: str, pattern: re.Pattern, shape: str) -> None:
    value = el.get(key)
    if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
        p.add(f"{ptr}/{key}", f"{key} must be formatted {shape} (got {value!r})")


def _plain_text_input(p: Problems, el: dict, ptr: str) -> None:
    ceiling = LIMITS["text_input_length"]
    bounds = {}
    for key in ("min_length", "max_length"):
        value = el.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= ceiling:
            p.add(f"{ptr}/{key}", f"{key} must be an integer from 0 to {ceiling} (got {value!r})")
        else:
            bounds[key] = value
    if bounds.get("min_length", 0) > bounds.get("max_length", ceiling):
        p.add(f"{ptr}/min_length", "min_length must not exceed max_length")
    initial = el.get("initial_value")
    longest = bounds.get("max_length", ceiling)
    if isinstance(initial, str) and len(initial) > longest:
        reason = f"initial_value is longer than max_length {longest} (got {len(initial)})"
        p.add(f"{ptr}/initial_value", reason)


def _number_input(p: Problems, el: dict, ptr: str) -> None:
    if not isinstance(el.get("is_decimal_allowed"), bool):
        p.add(f"{ptr}/is_decimal_allowed", "is_decimal_allowed is required and must be a boolean")


def _image(p: Problems, el: dict, ptr: str) -> None:
    if "image_url" not in el and "slack_file" not in el:
        p.add(ptr, "image needs image_url or slack_file")
    p.string(el, "image_url", ptr, "image_url")
    p.string(el, "alt_text", ptr, "image_alt_text", required=True)


def _nothing_more(p: Problems, el: dict, ptr: str) -> None:
    """users/conversations/channels selects and the email and url inputs: shared checks only."""


_CHECKS: dict[str, Callable[[Problems, dict, str], None]] = {
    "button": _button,
    "static_select": _static_select,
    "multi_static_select": _static_select,
    "external_select": _dynamic_select,
    "users_select": _dynamic_select,
    "multi_users_select": _dynamic_select,
    "conversations_select": _dynamic_select,
    "channels_select": _dynamic_select,
    "checkboxes": _choices("checkbox_options"),
    "radio_buttons": _choices("radio_options"),
    "overflow": _overflow,
    "datepicker": _datepicker,
    "timepicker": _timepicker,
    "plain_text_input": _plain_text_input,
    "number_input": _number_input,
    "image": _image,
}
