"""Block constructors that cut their text to Slack's limits, a cap for long lists of blocks, and
a serialiser that skips slack_sdk's per-request validation for hot paths (`unchecked_dicts`)."""

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.basic_objects import EMPTY_ALLOWED_TYPE_AND_PROPERTY_LIST, JsonObject
from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.blocks.block_elements import BlockElement

from handlers.ids import ActionId
from handlers.views import limits
from handlers.views.format import truncate


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=truncate(text, limits.HEADER_TEXT), emoji=True))


def section(
    text: str,
    *,
    accessory: BlockElement | None = None,
    fields: Sequence[str] = (),
    block_id: str | None = None,
) -> SectionBlock:
    return SectionBlock(
        block_id=str(block_id) if block_id else None,
        text=MarkdownTextObject(text=limits.fit_text(text, limits.SECTION_TEXT)),
        fields=[MarkdownTextObject(text=truncate(f, limits.SECTION_FIELD)) for f in fields[:10]] or None,
        accessory=accessory,
    )


def context(*texts: str, block_id: str | None = None) -> ContextBlock:
    return ContextBlock(
        block_id=str(block_id) if block_id else None,
        elements=[MarkdownTextObject(text=limits.fit_text(t, limits.CONTEXT_TEXT)) for t in texts[:10]],
    )


def button(
    text: str,
    action_id: ActionId,
    value: str | int,
    *,
    style: str | None = None,
    confirm: ConfirmObject | None = None,
) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=truncate(text, limits.BUTTON_TEXT), emoji=True),
        action_id=str(action_id),
        value=str(value),
        style=style,
        confirm=confirm,
    )


def confirm(title: str, text: str, *, yes: str, no: str = "Cancel") -> ConfirmObject:
    return ConfirmObject(
        title=truncate(title, limits.CONFIRM_TITLE),
        text=PlainTextObject(text=truncate(text, limits.CONFIRM_TEXT)),
        confirm=truncate(yes, 30),
        deny=truncate(no, 30),
    )


def lines_within(lines: Sequence[str], limit: int, noun: str) -> str:
    """Join lines within `limit` characters; the ones that do not fit become "…and N more <noun>".

    Each accepted line keeps room for that closing line, so it always fits too.
    """
    shown: list[str] = []
    used = -1  # no newline before the first line
    for index, line in enumerate(lines):
        rest = len(lines) - index - 1
        reserve = 1 + len(more_text(rest, noun)) if rest else 0
        if used + 1 + len(line) + reserve > limit:
            shown.append(more_text(len(lines) - index, noun))
            break
        shown.append(line)
        used += 1 + len(line)
    return truncate("\n".join(shown), limit)


def more_text(count: int, noun: str) -> str:
    return f"…and {count} more {noun}"


def capped(groups: Sequence[Sequence[Block]], budget: int, noun: str) -> list[Block]:
    """Whole groups (one per item) while they fit in `budget` blocks, then "…and N more <noun>".

    One block is kept back for that line, so the result never exceeds `budget`.
    """
    if budget <= 0:
        return []
    if sum(len(group) for group in groups) <= budget:
        return [block for group in groups for block in group]
    shown: list[Block] = []
    for index, group in enumerate(groups):
        if len(shown) + len(group) > budget - 1:
            shown.append(context(more_text(len(groups) - index, noun)))
            return shown
        shown.extend(group)
    return shown


def unchecked_dicts(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """The blocks as `to_dict()` would give them, without running slack_sdk's validators again.

    `to_dict()` walks `dir()` of every object and calls each validator, on every request: about a
    millisecond for a page of goals, a third of what `/goals list` costs. The builders are pure, so
    what they can produce is checked once in tests instead (tests/handlers/views/test_blocks.py
    compares this with `to_dict()`, which raises on invalid Block Kit, and the e2e stand-in refuses
    invalid Block Kit). An object whose class has its own `to_dict` is serialised by it, checks and all.
    """
    return [_plain(block) for block in blocks]


_EMPTY_ALLOWED = {(e["type"], e["property"]) for e in EMPTY_ALLOWED_TYPE_AND_PROPERTY_LIST}
_SCALARS = (str, int, float)  # bool is an int
# Each class's keys, sorted: slack_sdk's `attributes` is a property over class constants, the
# same for every object of a class, and building it (a set per base class) was a third of the walk.
_KEYS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    # Mirrors JsonObject.get_non_null_attributes: sorted keys, None and empty values left out.
    # Text and numbers, most of what it meets, are taken as they are before the costlier checks
    # (JsonObject is an ABC: isinstance against it is slow).
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if not isinstance(value, JsonObject):
        return value
    if type(value).to_dict is not JsonObject.to_dict:
        return {key: _plain(v) for key, v in value.to_dict().items()}
    kind = getattr(value, "type", None)
    plain = {}
    keys = _KEYS.get(type(value))
    if keys is None:
        keys = _KEYS[type(value)] = tuple(sorted(value.attributes))
    for key in keys:
        item = value.get_object_attribute(key)
        if item is None:
            continue
        if isinstance(item, str):
            if item or (kind, key) in _EMPTY_ALLOWED:
                plain[key] = item
        elif (kind, key) in _EMPTY_ALLOWED or not hasattr(item, "__len__") or len(item) > 0:
            plain[key] = _plain(item)
    return plain
