"""The Web API methods goalbot calls, answered from the console's workspace as Slack would answer them.

Each method takes the call's arguments and returns the response fields; errors carry Slack's
error codes so the bot's own error handling is exercised too.
"""

from bot.console.views import ViewError, ViewStore
from bot.console.workspace import (
    BOT_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    Output,
    Workspace,
    dm_channel_id,
    with_block_ids,
)


class ApiError(Exception):
    """A Slack error code such as channel_not_found."""


def _need(args: dict, name: str, error: str = "invalid_arguments"):
    value = args.get(name)
    if value in (None, "", [], {}):
        raise ApiError(error)
    return value


class WebApi:
    def __init__(self, workspace: Workspace, views: ViewStore) -> None:
        self.workspace, self.views = workspace, views

    def call(self, method: str, args: dict) -> dict:
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            self.workspace.emit(
                Output("note", note=f"goalbot called {method}, which the console does not emulate")
            )
            return {"ok": False, "error": "unknown_method"}
        try:
            return {"ok": True, **handler(args)}
        except (ApiError, ViewError) as error:
            return {"ok": False, "error": str(error)}

    def _channel(self, args: dict) -> str:
        channel = str(_need(args, "channel", "channel_not_found"))
        return dm_channel_id(channel) if channel.startswith("U") else channel

    def _message(self, args: dict, ts: str) -> dict:
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            raise ApiError("no_text")
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": ts,
            "text": args.get("text") or "",
            "blocks": with_block_ids(args.get("blocks")),
        }
        for key in ("attachments", "thread_ts", "metadata"):
            if args.get(key):
                message[key] = args[key]
        return message

    def _auth_test(self, args: dict) -> dict:
        return {
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "Console",
            "user": "goalbot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _chat_postMessage(self, args: dict) -> dict:
        channel, ts = self._channel(args), self.workspace.next_ts()
        message = self._message(args, ts)
        self.workspace.store_message(channel, ts, message)
        self.workspace.emit(Output("message", channel, ts=ts, message=message))
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_postEphemeral(self, args: dict) -> dict:
        channel, user, ts = (
            self._channel(args),
            _need(args, "user", "user_not_in_channel"),
            self.workspace.next_ts(),
        )
        self.workspace.emit(Output("ephemeral", channel, user, ts, self._message(args, ts)))
        return {"message_ts": ts}

    def _chat_update(self, args: dict) -> dict:
        channel, ts = self._channel(args), str(_need(args, "ts", "message_not_found"))
        message = self.workspace.message(channel, ts)
        if message is None:
            raise ApiError("message_not_found")
        changes = {key: args[key] for key in ("text", "attachments") if key in args}
        if "blocks" in args:
            changes["blocks"] = with_block_ids(args["blocks"])
        message.update(changes, edited={"user": BOT_USER_ID, "ts": self.workspace.next_ts()})
        self.workspace.store_message(channel, ts, message)
        self.workspace.emit(Output("update", channel, ts=ts, message=message))
        return {"channel": channel, "ts": ts, "text": message.get("text", ""), "message": message}

    def _chat_delete(self, args: dict) -> dict:
        channel, ts = self._channel(args), str(_need(args, "ts", "message_not_found"))
        if not self.workspace.forget_message(channel, ts):
            raise ApiError("message_not_found")
        self.workspace.emit(Output("delete", channel, ts=ts))
        return {"channel": channel, "ts": ts}

    def _chat_getPermalink(self, args: dict) -> dict:
        channel, ts = self._channel(args), str(_need(args, "message_ts"))
        link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"channel": channel, "permalink": link}

    def _users_info(self, args: dict) -> dict:
        person = self.workspace.person(str(_need(args, "user", "user_not_found")))
        now = self.workspace.clock()
        zone = self.workspace.timezone
        offset = zone.utcoffset(now.astimezone(zone))
        profile = {"real_name": person.name, "display_name": person.name}
        return {
            "user": {
                "id": person.id,
                "team_id": TEAM_ID,
                "name": person.name,
                "real_name": person.name,
                "deleted": False,
                "is_bot": False,
                "is_admin": person.is_admin,
                "is_owner": False,
                "tz": zone.key,
                "tz_label": now.astimezone(zone).tzname(),
                "tz_offset": int(offset.total_seconds()) if offset else 0,
                "profile": profile,
            }
        }

    def _conversations_open(self, args: dict) -> dict:
        if args.get("channel"):
            return {"channel": {"id": args["channel"]}}
        first = str(_need(args, "users", "users_list_not_supplied")).split(",")[0]
        return {"channel": {"id": dm_channel_id(first)}}

    def _conversations_info(self, args: dict) -> dict:
        channel = self._channel(args)
        is_im = channel.startswith("D_")
        return {
            "channel": {
                "id": channel,
                "name": self.workspace.channel_name(channel),
                "is_channel": not is_im,
                "is_im": is_im,
                "is_member": True,
            }
        }

    def _trigger(self, args: dict) -> None:
        if not self.workspace.knows_trigger(args.get("trigger_id")):
            raise ApiError("invalid_trigger_id")

    def _views_open(self, args: dict) -> dict:
        self._trigger(args)
        return {"view": self.views.open(_need(args, "view"))}

    def _views_push(self, args: dict) -> dict:
        self._trigger(args)
        return {"view": self.views.push(_need(args, "view"))}

    def _views_update(self, args: dict) -> dict:
        if not (args.get("view_id") or args.get("external_id")):
            raise ApiError("invalid_arguments")
        view = self.views.update(
            _need(args, "view"),
            view_id=args.get("view_id"),
            external_id=args.get("external_id"),
            hash=args.get("hash"),
        )
        return {"view": view}

    def _views_publish(self, args: dict) -> dict:
        user = str(_need(args, "user_id"))
        view = self.views.publish(user, _need(args, "view"), hash=args.get("hash"))
        self.workspace.emit(Output("home", user_id=user))
        return {"view": view}
