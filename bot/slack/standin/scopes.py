"""Which bot scope each Web API method needs, and Slack's missing_scope answer when one is lacking.

From each method's reference page ("Required scopes", bot token). Conversation methods need the
scope of the conversation's kind: public channels channels:*, private channels groups:*,
DMs im:*, group DMs mpim:*.
"""

from collections.abc import Callable
from typing import Any

Answer = dict[str, Any]

_KIND_PREFIX = {"public_channel": "channels", "private_channel": "groups", "im": "im", "mpim": "mpim"}

# Methods whose scope does not depend on their arguments ("" = none needed).
_FIXED = {
    "auth.test": "",
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "chat.delete": "chat:write",
    "views.open": "",
    "views.push": "",
    "views.update": "",
    "views.publish": "",
    "users.info": "users:read",
    "usergroups.users.list": "usergroups:read",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
}
# Conversation methods: the scope family suffix, applied to the channel's kind.
_BY_CHANNEL = {
    "conversations.info": "read",
    "conversations.members": "read",
    "conversations.history": "history",
    "conversations.replies": "history",
}


def needed_scopes(method: str, args: dict[str, Any], kind_of: Callable[[str], str]) -> list[str]:
    """Every scope this call needs; kind_of(channel_id) is "public_channel", "private_channel", "im"…"""
    if method in _FIXED:
        return [_FIXED[method]] if _FIXED[method] else []
    if method in _BY_CHANNEL:
        kind = kind_of(str(args.get("channel", "")))
        return [f"{_KIND_PREFIX[kind]}:{_BY_CHANNEL[method]}"]
    if method in ("users.conversations", "conversations.list"):
        types = str(args.get("types") or "public_channel").split(",")
        return [f"{_KIND_PREFIX[t.strip()]}:read" for t in types if t.strip() in _KIND_PREFIX]
    if method == "conversations.open":
        many = len([u for u in str(args.get("users", "")).split(",") if u.strip()]) > 1
        return ["mpim:write" if many else "im:write"]
    return []


def missing_scope(
    method: str, args: dict[str, Any], granted: frozenset[str], kind_of: Callable[[str], str]
) -> Answer | None:
    """Slack's answer when the token lacks a scope: `needed` names it, `provided` lists the token's."""
    lacking = [scope for scope in needed_scopes(method, args, kind_of) if scope not in granted]
    if not lacking:
        return None
    return {
        "ok": False,
        "error": "missing_scope",
        "needed": ",".join(lacking),
        "provided": ",".join(sorted(granted)),
    }
