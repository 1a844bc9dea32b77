"""One `/goals` invocation as every subcommand sees it: who, where, when, and how to answer."""

from bot.services.errors import ServiceError
from handlers.common.replies import reply_error
from handlers.deps import Deps
from handlers.later import Work, later
from handlers.views.notices import build_error
from handlers.views.refusals import describe_refusal


class GoalsRequest:
    """One `/goals` invocation; knows whether it has acked yet, so errors go out the right way.

    The subcommands of other features (handlers/reports/commands.py, handlers/followups/command.py)
    answer through it too.
    """

    def __init__(self, ack, command, respond, context, team_id, now, today, deps: Deps):
        self._ack, self.respond, self.context, self.deps = ack, respond, context, deps
        self.team_id, self.now, self.today = team_id, now, today
        self.user_id = command["user_id"]
        self.channel_id = command.get("channel_id")
        self.trigger_id = command.get("trigger_id")
        self.acked = False

    def ack(self, text: str | None = None, blocks=None) -> None:
        self.acked = True
        if text is None and blocks is None:
            self._ack()
        else:
            self._ack(text=text, blocks=blocks, response_type="ephemeral")

    def later(self, work: Work) -> None:
        """Web API work, done by the lazy listener once the ack has gone."""
        later(self.context, work)

    def fail(self, error: ServiceError) -> None:
        if self.acked:
            reply_error(self.respond, error)
        else:
            text = describe_refusal(error)
            self.ack(text=text, blocks=build_error(text))
