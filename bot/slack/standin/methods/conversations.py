"""conversations.* and users.conversations, answered from the directory and the message log."""

from typing import Any

from bot.slack.standin.directory import dm_id
from bot.slack.standin.methods.pages import BadCursor, page
from bot.slack.standin.web_api import Answer, WebApi


def _describe(api: WebApi, channel_id: str) -> dict[str, Any]:
    kind = api.directory.kind_of(channel_id)
    known = api.directory.channel(channel_id)
    return {
        "id": channel_id,
        "name": None if kind == "im" else (known.name if known else f"channel-{channel_id.lower()}"),
        "is_channel": kind == "public_channel",
        "is_group": kind == "private_channel",
        "is_im": kind == "im",
        "is_private": kind != "public_channel",
        "is_member": known.bot_member if known else True,
        "is_archived": known.is_archived if known else False,
        "context_team_id": api.workspace.team_id,
    }


def _visible(api: WebApi, channel_id: str) -> bool:
    """Slack answers channel_not_found for a channel it doesn't have, and for a private one the
    bot is not in. A DM is always there."""
    if api.directory.kind_of(channel_id) == "im":
        return True
    known = api.directory.channel(channel_id)
    return known is not None and (known.bot_member or not known.is_private)


def _paged(items: list[Any], args: dict[str, Any], default_limit: int, key: str) -> Answer:
    try:
        shown, following = page(items, args, default_limit)
    except BadCursor:
        return {"ok": False, "error": "invalid_cursor"}
    return {"ok": True, key: shown, "response_metadata": {"next_cursor": following}}


def _info(api: WebApi, args: dict[str, Any]) -> Answer:
    channel_id = str(args["channel"])
    if not _visible(api, channel_id):
        return {"ok": False, "error": "channel_not_found"}
    return {"ok": True, "channel": _describe(api, channel_id)}


def _list(api: WebApi, args: dict[str, Any]) -> Answer:
    """Public channels, and the private ones the bot is in; `types`, `exclude_archived`, paged."""
    types = {t.strip() for t in str(args.get("types") or "public_channel").split(",")}
    skip_archived = str(args.get("exclude_archived", "")).lower() in ("1", "true")
    channels = [
        _describe(api, c.id)
        for c in api.directory.channels()
        if api.directory.kind_of(c.id) in types
        and _visible(api, c.id)
        and not (skip_archived and c.is_archived)
    ]
    return _paged(channels, args, 100, "channels")


def _members(api: WebApi, args: dict[str, Any]) -> Answer:
    channel = api.directory.channel(str(args["channel"]))
    if channel is None:
        return {"ok": False, "error": "channel_not_found"}
    return _paged(channel.members, args, 100, "members")


def _open(api: WebApi, args: dict[str, Any]) -> Answer:
    if args.get("channel"):
        return {"ok": True, "channel": {"id": args["channel"]}}
    users = [u.strip() for u in str(args.get("users", "")).split(",") if u.strip()]
    if not users:
        return {"ok": False, "error": "users_list_not_supplied"}
    if any(api.directory.get(u) is None for u in users):
        return {"ok": False, "error": "user_not_found"}
    if len(users) > 1:
        return {"ok": True, "channel": {"id": "G" + "".join(u[1:] for u in sorted(users))}}
    return {"ok": True, "channel": {"id": dm_id(users[0])}}


def _history(api: WebApi, args: dict[str, Any]) -> Answer:
    channel = str(args["channel"])
    latest = float(args["latest"]) if args.get("latest") else None
    oldest = float(args.get("oldest") or 0)
    if str(args.get("inclusive", "")).lower() in ("1", "true"):
        # inclusive: the messages at exactly `oldest` and `latest` too (how Slack fetches one message).
        messages = [
            m
            for m in api.messages.history(channel)
            if oldest <= float(m["ts"]) and (latest is None or float(m["ts"]) <= latest)
        ]
    else:
        messages = api.messages.history(channel, oldest=oldest, latest=latest)
    if not messages and api.directory.kind_of(channel) != "im" and api.directory.channel(channel) is None:
        return {"ok": False, "error": "channel_not_found"}
    if str(args.get("include_all_metadata", "")).lower() not in ("1", "true"):
        messages = [{k: v for k, v in m.items() if k != "metadata"} for m in messages]
    answer = _paged(messages, args, 100, "messages")
    if answer["ok"]:
        answer["has_more"] = bool(answer["response_metadata"]["next_cursor"])
    return answer


def _replies(api: WebApi, args: dict[str, Any]) -> Answer:
    """A thread: its parent first, then the replies oldest first (Slack's order)."""
    channel, ts = str(args["channel"]), str(args.get("ts", ""))
    parent = api.messages.get(channel, ts)
    if parent is None:
        return {"ok": False, "error": "thread_not_found"}
    replies = [m for m in api.messages.history(channel) if m.get("thread_ts") == ts and m["ts"] != ts]
    messages = [parent, *sorted(replies, key=lambda m: float(m["ts"]))]
    if str(args.get("include_all_metadata", "")).lower() not in ("1", "true"):
        messages = [{k: v for k, v in m.items() if k != "metadata"} for m in messages]
    answer = _paged(messages, args, 1000, "messages")
    if answer["ok"]:
        answer["has_more"] = bool(answer["response_metadata"]["next_cursor"])
    return answer


def _users_conversations(api: WebApi, args: dict[str, Any]) -> Answer:
    user_id = str(args.get("user") or api.workspace.bot_user_id)
    if args.get("user") and api.directory.get(user_id) is None:
        return {"ok": False, "error": "user_not_found"}
    types = {t.strip() for t in str(args.get("types") or "public_channel").split(",")}
    channels = [
        _describe(api, c) for c in api.directory.channels_of(user_id) if api.directory.kind_of(c) in types
    ]
    return _paged(channels, args, 100, "channels")


METHODS = {
    "conversations.info": _info,
    "conversations.list": _list,
    "conversations.members": _members,
    "conversations.open": _open,
    "conversations.history": _history,
    "conversations.replies": _replies,
    "users.conversations": _users_conversations,
}
