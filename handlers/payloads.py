"""What a payload must carry before any listener acks it, and text cleaned as it comes in.

A listener that acks and then fails on a missing `user` or `trigger_id` can leave Slack with a
404 after 3 s (Bolt's thread runner loses the ack), and one that fails before acking logs a
traceback. So malformed payloads of every kind are answered here, as global middleware, with an
empty 200 and one log line before a listener runs (the rules: handlers/payload_shapes.py).

Text is cleaned here too, once for every way text enters (commands, buttons, forms,
private_metadata): NUL and other control characters are dropped, since PostgreSQL cannot store
NUL and nobody means to type them.
"""

import logging
from collections.abc import Callable, Mapping, MutableMapping, MutableSequence
from typing import Any

from slack_bolt import BoltResponse

from bot.domain.limits import strip_control
from handlers.payload_shapes import kind_of, problems

logger = logging.getLogger(__name__)


def require_payload_shape(body: Any, next: Callable[[], Any]) -> Any:
    """Global middleware: a malformed payload of any kind gets an empty 200, logged in one line."""
    if not isinstance(body, Mapping):
        logger.warning("ignored a payload that is not an object")
        return BoltResponse(status=200, body="")
    found = problems(body)
    if found:
        logger.warning("ignored a %r payload %s", kind_of(body), "; ".join(found))
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
