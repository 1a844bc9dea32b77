"""Blocks built once and sent many times with one value changed: the prompts of a check-in pass
differ only in the delivery id their buttons carry. The builder runs once with PLACEHOLDER where
that value goes, the blocks are serialised once (blocks.unchecked_dicts), and `fill` copies only
the dicts on the way to a placeholder: the rest is shared, read-only, by every message filled in.

Only a whole value is put in (a button's `value`), never a piece of text: text would need
escaping, so a placeholder inside a longer string is refused when the template is made."""

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block

from handlers.views.blocks import unchecked_dicts

PLACEHOLDER = "\x00value\x00"  # nothing a builder writes: not an id, not text

# Where the placeholders are: True for the value itself, else a container's keys (or indexes)
# that lead to one; a part without any is not in the map.
Holes = dict[Any, Any]


class BlockTemplate:
    def __init__(self, blocks: Sequence[Block], placeholder: str = PLACEHOLDER) -> None:
        self._dicts = unchecked_dicts(blocks)
        self._holes = _holes(self._dicts, placeholder) or {}

    def fill(self, value: str) -> list[dict[str, Any]]:
        """The blocks with `value` for every placeholder: a new list, and new dicts along the way
        to each placeholder; the dicts without one are the template's own (not to be changed)."""
        return _filled(self._dicts, self._holes, value)


def _holes(node: Any, placeholder: str) -> Holes | bool | None:
    if isinstance(node, str):
        if node == placeholder:
            return True
        if placeholder in node:
            raise ValueError("a placeholder inside text: only a whole value is filled in")
        return None
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    holes = {key: hole for key, child in items if (hole := _holes(child, placeholder)) is not None}
    return holes or None


def _filled(node: Any, holes: Holes | bool, value: str) -> Any:
    if holes is True:
        return value
    copy = node.copy()  # a dict or a list, copied whole: its untouched children are shared
    for key, hole in holes.items():  # type: ignore[union-attr]
        copy[key] = _filled(node[key], hole, value)
    return copy
