"""The Web API methods goalbot calls, answered from the console's workspace as Slack would answer them.

Each method takes the call's arguments and returns the response fields; errors carry Slack's
error codes so the bot's own error handling is exercised too. In the console's workspace every
person is in every channel the console has visited.
"""

from bot.entrypoints.console.slack_errors import ApiError, need
from bot.entrypoints.console.views import ViewError, ViewStore
from bot.entrypoints.console.webapi_chat import ChatMethods
from bot.entrypoints.console.webapi_views import ViewMethods
from bot.entrypoints.console.workspace import (
    BOT_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    Output,
    Workspace,
    dm_channel_id,
)


class WebApi(ChatMethods, ViewMethods):
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

    def _users_info(self, args: dict) -> dict:
        person = self.workspace.person(str(need(args, "user", "user_not_found")))
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
        first = str(need(args, "users", "users_list_not_supplied")).split(",")[0]
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

    def _channel_list(self) -> dict:
        channels = [
            {"id": channel_id, "name": name, "is_channel": True, "is_private": False, "is_member": True}
            for channel_id, name in sorted(self.workspace.channel_names().items())
        ]
        return {"channels": channels, "response_metadata": {"next_cursor": ""}}

    def _users_conversations(self, args: dict) -> dict:
        return self._channel_list()

    def _conversations_list(self, args: dict) -> dict:
        return self._channel_list()
