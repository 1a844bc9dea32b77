"""One `/checkin` invocation: how it answers (in the ack, or after it) and how it checks who may act."""

from datetime import date, datetime

from slack_sdk import WebClient

from bot.services.actor import Actor
from bot.services.checkins.read_models import ScheduleView
from bot.services.checkins.refusals import NotScheduleOwner
from bot.services.errors import ServiceError
from handlers.checkins.schedule import read_members
from handlers.deps import Deps, is_workspace_admin, team_of
from handlers.later import later
from handlers.views.notices import build_error
from handlers.views.refusals import describe_refusal


class CheckinRequest:
    """One `/checkin`; knows whether it has acked, so refusals go out the right way, and checks
    who may act (owner in the ack, admin rights from Slack after it)."""

    def __init__(self, ack, respond, context, command, deps: Deps, now: datetime, today: date):
        self._ack, self.respond, self.context, self.deps = ack, respond, context, deps
        self.team_id, self.now, self.today = team_of(context), now, today
        self.user_id = command["user_id"]
        self.channel_id = command.get("channel_id") or ""
        self.trigger_id = command.get("trigger_id")
        self.acked = False
        self.saved: ScheduleView | None = None  # a schedule just set, whose members are read next

    def say(self, text: str, blocks=None) -> None:
        self.acked = True
        self._ack(text=text, blocks=blocks, response_type="ephemeral")

    def fail(self, error: ServiceError) -> None:
        text = describe_refusal(error)
        if self.acked:
            self.respond(
                text=text, blocks=build_error(text), response_type="ephemeral", replace_original=False
            )
        else:
            self.say(text, build_error(text))

    def quietly(self) -> None:
        self.acked = True
        self._ack()

    def later(self, work) -> None:
        later(self.context, lambda client, _: work(client))

    def tell(self, text: str, blocks=None) -> None:
        self.respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    def as_owner_or_admin(self, act) -> None:
        """Tries as the owner in the ack; only a non-owner is checked for admin rights, after it."""
        try:
            text, blocks = act(Actor(self.team_id, self.user_id))
        except NotScheduleOwner:
            self.quietly()
            self.later(lambda client: self._as_admin_then(client, act))
            return
        self.say(text, blocks)
        saved = self.saved
        if saved is not None:
            self.later(
                lambda client: read_members(
                    client, self.deps, saved, team_id=self.team_id, now=self.now, respond=self.respond
                )
            )

    def _as_admin_then(self, client: WebClient, act) -> None:
        actor = Actor(self.team_id, self.user_id, is_admin=is_workspace_admin(client, self.user_id))
        text, blocks = act(actor)  # a refusal is worded by run_later
        self.tell(text, blocks)
        if self.saved is not None:
            read_members(
                client, self.deps, self.saved, team_id=self.team_id, now=self.now, respond=self.respond
            )

    def as_admin(self, act) -> None:
        self.quietly()

        def work(client: WebClient) -> None:
            actor = Actor(self.team_id, self.user_id, is_admin=is_workspace_admin(client, self.user_id))
            self.tell(act(actor))

        self.later(work)
