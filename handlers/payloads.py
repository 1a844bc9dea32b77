"""What a payload must carry before any listener acks it, and text cleaned as it comes in.

A listener that acks and then fails on a missing `user` or `trigger_id` can leave Slack with a
404 after 3 s (Bolt's thread runner loses the ack). So malformed payloads are answered here, as
global middleware, with an empty 200 before a listener runs; listeners may then index the fields
below without guarding each one. Text is cleaned here too, once for every way text enters
(commands, buttons, forms, private_metadata): NUL and other control characters are dropped,
since PostgreSQL cannot store NUL and nobody means to type them.
"""

import logging
import re
from collections.abc import Callable, Mapping, MutableMapping, MutableSequence
from typing import Any

from slack_bolt import BoltResponse

from bot.domain.limits import strip_control

logger = logging.getLogger(__name__)

# Slack's ids (users, teams, channels, enterprises) are short upper-case words; anything else
# is not from Slack and would not fit our String(32) columns.
_SLACK_ID = re.compile(r"[A-Z0-9][A-Z0-9_]{0,31}")


def slack_id(value: object) -> str | None:
    return value if isinstance(value, str) and _SLACK_ID.fullmatch(value) else None


def text_field(mapping: object, key: str) -> str | None:
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    return value if isinstance(value, str) and value else None


def user_id_of(body: Mapping) -> str | None:
    """The person behind a command (`user_id`) or an interaction (`user.id`)."""
    if "command" in body:
        return slack_id(body.get("user_id"))
    user = body.get("user")
    return slack_id(user.get("id")) if isinstance(user, Mapping) else None


def team_id_of(body: Mapping) -> str | None:
    team = body.get("team")
    found = team.get("id") if isinstance(team, Mapping) else body.get("team_id")
    enterprise = body.get("enterprise")
    if found is None and isinstance(enterprise, Mapping):
        found = enterprise.get("id")
    return slack_id(found or body.get("enterprise_id"))


def missing_fields(body: Mapping) -> list[str]:
    """What a command, click or form submission lacks that its listener relies on."""
    kind = "command" if "command" in body else body.get("type")
    needs: list[tuple[str, bool]] = []
    if kind in ("command", "block_actions", "view_submission", "view_closed"):
        needs += [("user", user_id_of(body) is not None), ("team", team_id_of(body) is not None)]
    if kind == "command":
        needs += [("trigger_id", bool(text_field(body, "trigger_id")))]
        needs += [("response_url", bool(text_field(body, "response_url")))]
    elif kind == "block_actions":
        actions = body.get("actions")
        needs += [
            ("actions", isinstance(actions, list) and bool(actions) and isinstance(actions[0], Mapping))
        ]
        needs += [("trigger_id", bool(text_field(body, "trigger_id")))]
        container = body.get("container")
        in_message = isinstance(container, Mapping) and container.get("type") == "message"
        if in_message:
            needs += [("response_url", bool(text_field(body, "response_url")))]
    elif kind == "view_submission":
        needs += [("view", isinstance(body.get("view"), Mapping))]
    return [name for name, present in needs if not present]


def require_payload_shape(body: Any, next: Callable[[], Any]) -> Any:
    """Global middleware: a malformed payload gets an empty 200, logged in one line."""
    if not isinstance(body, Mapping):
        return BoltResponse(status=200, body="")
    missing = missing_fields(body)
    if missing:
        kind = "command" if "command" in body else body.get("type")
        logger.warning("ignored a %s payload without %s", kind, ", ".join(missing))
        return BoltResponse(status=200, body="")
    return next()


def clean_text(body: Any, next: Callable[[], Any]) -> Any:
    """Global middleware: drop control characters from every string in the payload, in place."""
    _clean(body)
    return next()


def _clean(node: object) -> None:
    if isinstance(node, MutableMapping):
        for key, value in node.items():
            if isinstance(value, str):
                node[key] = strip_control(value)
            else:
                _clean(value)
    elif isinstance(node, MutableSequence):
        for index, value in enumerate(node):
            if isinstance(value, str):
                node[index] = strip_control(value)
            else:
                _clean(value)
