"""Cursor pagination as Slack does it: `limit` per page, `response_metadata.next_cursor` ("" at the end)."""

import base64
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class BadCursor(ValueError):
    """A cursor this stand-in did not hand out; Slack answers invalid_cursor."""


def page(items: Sequence[T], args: dict[str, Any], default_limit: int) -> tuple[list[T], str]:
    """One page of items and the cursor of the next page ("" when this is the last)."""
    start = _offset(str(args.get("cursor") or ""))
    limit = int(args.get("limit") or default_limit) or default_limit
    end = start + limit
    following = _cursor(end) if end < len(items) else ""
    return list(items[start:end]), following


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        kind, _, number = base64.b64decode(cursor, validate=True).decode().partition(":")
        if kind == "offset" and number.isdigit():
            return int(number)
    except ValueError:
        pass
    raise BadCursor(cursor)
