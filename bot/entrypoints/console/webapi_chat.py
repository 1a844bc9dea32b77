"""chat.* methods: messages are stored (so edits and button payloads see them) and queued as outputs."""

from bot.entrypoints.console.slack_errors import ApiError, need
from bot.entrypoints.console.workspace import (
    BOT_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    Output,
    Workspace,
    dm_channel_id,
    with_block_ids,
)


class ChatMethods:
    workspace: Workspace

    def _channel(self, args: dict) -> str:
        channel = str(need(args, "channel", "channel_not_found"))
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

    def _chat_postMessage(self, args: dict) -> dict:
        channel, ts = self._channel(args), self.workspace.next_ts()
        message = self._message(args, ts)
        self.workspace.store_message(channel, ts, message)
        self.workspace.emit(Output("message", channel, ts=ts, message=message))
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_postEphemeral(self, args: dict) -> dict:
        channel, user, ts = (
            self._channel(args),
            need(args, "user", "user_not_in_channel"),
            self.workspace.next_ts(),
        )
        self.workspace.emit(Output("ephemeral", channel, user, ts, self._message(args, ts)))
        return {"message_ts": ts}

    def _chat_update(self, args: dict) -> dict:
        channel, ts = self._channel(args), str(need(args, "ts", "message_not_found"))
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
        channel, ts = self._channel(args), str(need(args, "ts", "message_not_found"))
        if not self.workspace.forget_message(channel, ts):
            raise ApiError("message_not_found")
        self.workspace.emit(Output("delete", channel, ts=ts))
        return {"channel": channel, "ts": ts}

    def _chat_getPermalink(self, args: dict) -> dict:
        channel, ts = self._channel(args), str(need(args, "message_ts"))
        link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"channel": channel, "permalink": link}
