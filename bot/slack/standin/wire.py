"""Reads a request the way Slack's Web API accepts it: JSON, form-encoded, or query parameters."""

import contextlib
import json
from typing import Any
from urllib.parse import parse_qsl

# Arguments that may arrive as JSON text (always in form posts; sometimes in JSON bodies too).
JSON_FIELDS = frozenset({"blocks", "attachments", "view", "metadata", "user_auth_blocks", "unfurls"})


class MalformedBody(ValueError):
    """The body claims to be JSON but is not a JSON object."""


def read_arguments(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    """Query parameters and body arguments in one dict, JSON_FIELDS decoded where they are JSON text
    (text that is not JSON is left as it came, so the method can refuse it as Slack would)."""
    args: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    args.update(parse_body(raw, content_type))
    for name in JSON_FIELDS & args.keys():
        if isinstance(args[name], str):
            with contextlib.suppress(ValueError):
                args[name] = json.loads(args[name])
    return args


def parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    media_type = content_type.split(";")[0].strip().lower()
    if not raw:
        return {}
    if media_type == "application/json":
        try:
            body = json.loads(raw)
        except ValueError as error:
            raise MalformedBody(str(error)) from error
        if not isinstance(body, dict):
            raise MalformedBody("a JSON body must be an object")
        return body
    if media_type == "application/x-www-form-urlencoded":
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    return {}


def token_from(headers: dict[str, str], args: dict[str, Any]) -> str | None:
    """The token from `Authorization: Bearer …`, else from a `token` argument."""
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[len("bearer ") :].strip()
    token = args.get("token")
    return token if isinstance(token, str) else None
