"""auth.test, users.info and usergroups.users.list."""

from typing import Any

from bot.slack.standin.web_api import Answer, WebApi


def _auth_test(api: WebApi, args: dict[str, Any]) -> Answer:
    ws = api.workspace
    return {
        "ok": True,
        "url": f"https://{ws.domain}.slack.com/",
        "team": ws.team,
        "user": "goalbot",
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


def _users_info(api: WebApi, args: dict[str, Any]) -> Answer:
    user = api.directory.get(args["user"])
    return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}


def _usergroup_members(api: WebApi, args: dict[str, Any]) -> Answer:
    members = api.directory.usergroup(str(args["usergroup"]))
    if members is None:
        return {"ok": False, "error": "no_such_subteam"}
    return {"ok": True, "users": members}


METHODS = {
    "auth.test": _auth_test,
    "users.info": _users_info,
    "usergroups.users.list": _usergroup_members,
}
