"""Check-in listeners: `/checkin`, the schedule modal, answering (buttons, the form, DM replies),
and the member events that keep who is asked current. Prompts themselves go out from the tick."""

from handlers.checkins import answering, command, members, replies, schedule
from handlers.deps import Deps


def register(app, deps: Deps) -> None:
    command.register(app, deps)
    schedule.register(app, deps)
    answering.register(app, deps)
    replies.register(app, deps)
    members.register(app, deps)
