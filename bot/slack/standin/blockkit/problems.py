"""Collects what is wrong and where, written the way Slack writes it: "<reason> [json-pointer:/path]"."""

from typing import Any

from bot.slack.standin.blockkit.limits import LIMITS, TEXT_TYPES


class Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, pointer: str, reason: str) -> None:
        self.found.append(f"{reason} [json-pointer:{pointer}]")

    def too_long(self, value: Any, pointer: str, limit: str) -> None:
        if isinstance(value, str) and len(value) > LIMITS[limit]:
            self.add(pointer, f"{limit} must be at most {LIMITS[limit]} characters (got {len(value)})")

    def string(self, obj: dict, key: str, pointer: str, limit: str, *, required: bool = False) -> None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(f"{pointer}/{key}", f"missing required field: {key}")
        elif not isinstance(value, str) or (required and not value):
            self.add(f"{pointer}/{key}", f"{key} must be a non-empty string")
        else:
            self.too_long(value, f"{pointer}/{key}", limit)

    def text(
        self, obj: dict, key: str, pointer: str, limit: str, *, plain: bool = False, required: bool = False
    ) -> None:
        """A text object: a known type, non-empty text, within `limit` (plain_text only if `plain`)."""
        where = f"{pointer}/{key}"
        value = obj.get(key)
        if value is None:
            if required:
                self.add(where, f"missing required field: {key}")
            return
        self.text_object(value, where, limit, plain=plain)

    def text_object(self, value: Any, where: str, limit: str, *, plain: bool = False) -> None:
        if not isinstance(value, dict):
            self.add(where, "must be a text object")
            return
        kind = value.get("type")
        if kind not in TEXT_TYPES:
            self.add(f"{where}/type", f"text object type must be plain_text or mrkdwn (got {kind!r})")
        elif plain and kind != "plain_text":
            self.add(f"{where}/type", "must be a plain_text text object")
        text = value.get("text")
        if not isinstance(text, str) or not text:
            self.add(f"{where}/text", "text must be a non-empty string")
        else:
            self.too_long(text, f"{where}/text", limit)

    def array(
        self, obj: dict, key: str, pointer: str, limit: str, *, required: bool = False, minimum: int = 0
    ) -> list:
        """The list under `key` (empty when absent or malformed), with its size checked."""
        where = f"{pointer}/{key}"
        value = obj.get(key)
        if value is None:
            if required:
                self.add(where, f"missing required field: {key}")
            return []
        if not isinstance(value, list):
            self.add(where, f"{key} must be an array")
            return []
        if len(value) < minimum:
            self.add(where, f"{key} must have at least {minimum} items (got {len(value)})")
        if len(value) > LIMITS[limit]:
            self.add(where, f"{limit} must be at most {LIMITS[limit]} items (got {len(value)})")
        return value

    def unique_id(self, obj: dict, key: str, pointer: str, seen: set[str]) -> None:
        """block_id / action_id: a string of at most 255 characters, not used twice in its scope."""
        value = obj.get(key)
        if value is None:
            return
        if not isinstance(value, str) or not value:
            self.add(f"{pointer}/{key}", f"{key} must be a non-empty string")
            return
        self.too_long(value, f"{pointer}/{key}", key)
        if value in seen:
            self.add(f"{pointer}/{key}", f"duplicate {key} {value!r}")
        seen.add(value)
