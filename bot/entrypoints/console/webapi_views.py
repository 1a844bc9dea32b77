"""views.* methods: modals need a trigger the console handed out; Home tabs are per person."""

from bot.entrypoints.console.slack_errors import ApiError, need
from bot.entrypoints.console.views import ViewStore
from bot.entrypoints.console.workspace import Output, Workspace


class ViewMethods:
    workspace: Workspace
    views: ViewStore

    def _trigger(self, args: dict) -> None:
        if not self.workspace.knows_trigger(args.get("trigger_id")):
            raise ApiError("invalid_trigger_id")

    def _views_open(self, args: dict) -> dict:
        self._trigger(args)
        return {"view": self.views.open(need(args, "view"))}

    def _views_push(self, args: dict) -> dict:
        self._trigger(args)
        return {"view": self.views.push(need(args, "view"))}

    def _views_update(self, args: dict) -> dict:
        if not (args.get("view_id") or args.get("external_id")):
            raise ApiError("invalid_arguments")
        view = self.views.update(
            need(args, "view"),
            view_id=args.get("view_id"),
            external_id=args.get("external_id"),
            hash=args.get("hash"),
        )
        return {"view": view}

    def _views_publish(self, args: dict) -> dict:
        user = str(need(args, "user_id"))
        view = self.views.publish(user, need(args, "view"), hash=args.get("hash"))
        self.workspace.emit(Output("home", user_id=user))
        return {"view": view}
