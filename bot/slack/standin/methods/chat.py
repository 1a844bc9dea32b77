"""chat.*: messages are checked as Slack checks them and kept, so updates and history see them.

chat.postMessage with a member's id as `channel` posts to that person's DM with the bot, and the
answer names the DM (D…), as Slack's does.
"""

from typing import Any

from bot.slack.standin.checks import check_message
from bot.slack.standin.directory import dm_id
from bot.slack.standin.web_api import Answer, WebApi

_KEPT = ("blocks", "attachments", "thread_ts", "metadata")


def message(api: WebApi, args: dict[str, Any], ts: str) -> Answer:
    ws = api.workspace
    shaped = {
        "type": "message",
        "text": args.get("text", ""),
        "user": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "app_id": ws.app_id,
        "team": ws.team_id,
        "ts": ts,
    }
    shaped.update({key: args[key] for key in _KEPT if key in args})
    return shaped


def _channel(args: dict[str, Any]) -> str:
    channel = str(args["channel"])
    return dm_id(channel) if channel.startswith(("U", "W")) else channel


def _post_message(api: WebApi, args: dict[str, Any]) -> Answer:
    if refused := check_message(args):
        return refused
    channel, ts = _channel(args), api.next_ts()
    known = api.directory.channel(channel)
    if known is not None and not known.bot_member:  # without chat:write.public, as goalbot asks
        return {"ok": False, "error": "not_in_channel"}
    posted = message(api, args, ts)
    api.messages.add(channel, posted)
    return {"ok": True, "channel": channel, "ts": ts, "message": posted}


def _post_ephemeral(api: WebApi, args: dict[str, Any]) -> Answer:
    return check_message(args) or {"ok": True, "message_ts": api.next_ts()}


def _update(api: WebApi, args: dict[str, Any]) -> Answer:
    if refused := check_message(args):
        return refused
    channel, ts = _channel(args), str(args["ts"])
    changes = {key: args[key] for key in ("text", *_KEPT) if key in args}
    updated = api.messages.replace(
        channel, ts, {**changes, "edited": {"user": api.workspace.bot_user_id, "ts": api.next_ts()}}
    )
    if updated is None:
        return {"ok": False, "error": "message_not_found"}
    return {"ok": True, "channel": channel, "ts": ts, "text": updated.get("text", ""), "message": updated}


METHODS = {
    "chat.postMessage": _post_message,
    "chat.postEphemeral": _post_ephemeral,
    "chat.update": _update,
}
