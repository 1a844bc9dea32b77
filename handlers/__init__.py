"""Bolt listeners by feature; each feature module exposes register(app, ...)."""


def register_listeners(app, *, settings, sessions, clock) -> None:
    # Filled in feature by feature (goals, home); see handlers/goals and handlers/home.
    @app.command("/goals")
    def _placeholder(ack):
        ack("goalbot is starting up.")
