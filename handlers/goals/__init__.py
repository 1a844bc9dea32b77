from handlers.deps import Deps
from handlers.goals import actions, command, focus, item_submissions, measurement_actions, submissions


def register(app, deps: Deps) -> None:
    command.register(app, deps)
    actions.register(app, deps)
    focus.register(app, deps)
    submissions.register(app, deps)
    item_submissions.register(app, deps)
    measurement_actions.register(app, deps)
