"""Bolt listeners by feature; each feature module exposes register(app, deps). Features never
import each other: what they share is in handlers/common, and `/goals` subcommands of other
features reach handlers/goals through the table in `deps.subcommands`."""

from handlers import checkins, followups, goals, home, home_actions, reports, workspaces
from handlers.deps import Deps
from handlers.errors import handle_unexpected
from handlers.middleware import skip_retried_events, stamp_time
from handlers.payloads import clean_text, require_payload_shape


def register_listeners(app, *, settings, sessions, clock, outbound=None) -> None:
    deps = Deps(sessions=sessions, timezone=settings.timezone, outbound=outbound)
    app.use(require_payload_shape)
    app.use(clean_text)
    app.use(stamp_time(clock, deps.zone_of))
    app.use(skip_retried_events(sessions))
    app.error(handle_unexpected)
    goals.register(app, deps)
    reports.register(app, deps)
    home.register(app, deps)
    home_actions.register(app, deps)
    checkins.register(app, deps)
    followups.register(app, deps)
    workspaces.register(app, deps, retention_days=settings.uninstall_retention_days)
