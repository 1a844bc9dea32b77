"""Customer follow-ups in Slack: the tick pass that posts and reminds (tick.py), the post's
buttons and forms (actions.py), and `/goals followups` / `/goals export` (command.py)."""

from handlers.deps import Deps
from handlers.followups import actions


def register(app, deps: Deps) -> None:
    actions.register(app, deps)
