"""views.*: checked against Block Kit's rules, then kept (a modal stack per person, Home tabs)."""

from collections.abc import Callable
from typing import Any

from bot.slack.standin.checks import check_view
from bot.slack.standin.views import ViewError
from bot.slack.standin.web_api import Answer, WebApi


def _guarded(
    surface: str | None, act: Callable[[WebApi, dict[str, Any]], Any]
) -> Callable[[WebApi, dict[str, Any]], Answer]:
    def method(api: WebApi, args: dict[str, Any]) -> Answer:
        if refused := check_view(args, surface):
            return refused
        try:
            return {"ok": True, "view": act(api, args)}
        except ViewError as error:
            return {"ok": False, "error": str(error)}

    return method


def _trigger(args: dict[str, Any]) -> str:
    return str(args.get("trigger_id") or args.get("interactivity_pointer"))


METHODS = {
    "views.open": _guarded("modal", lambda api, a: api.views.open(_trigger(a), a["view"])),
    "views.push": _guarded("modal", lambda api, a: api.views.push(_trigger(a), a["view"])),
    "views.update": _guarded(
        None,
        lambda api, a: api.views.update(
            a["view"], view_id=a.get("view_id"), external_id=a.get("external_id"), hash=a.get("hash")
        ),
    ),
    "views.publish": _guarded(
        "home", lambda api, a: api.views.publish(a["user_id"], a["view"], hash=a.get("hash"))
    ),
}
