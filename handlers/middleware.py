"""Global middleware: stamp each request with the injected clock, and drop Slack's retried events.

Middleware only reads the request; the one write (remembering an event id) is a service's.
"""

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_bolt import BoltResponse
from sqlalchemy.orm import Session, sessionmaker

from bot.services.events import first_delivery

logger = logging.getLogger(__name__)


def stamp_time(clock: Callable[[], datetime], zone_of: Callable[[str | None], ZoneInfo]):
    """Listeners take `now` (aware UTC) and `today` (the date in the workspace's zone) as arguments."""

    def middleware(context, next):
        now = clock()
        context["now"] = now
        team_id = context.get("team_id") or context.get("enterprise_id")
        context["today"] = now.astimezone(zone_of(team_id)).date()
        return next()

    return middleware


def skip_retried_events(sessions: sessionmaker[Session]):
    """Slack redelivers an event it thinks we missed; only the first delivery reaches a listener."""

    def middleware(body, context, next):
        event_id = body.get("event_id")
        if body.get("type") != "event_callback" or not event_id:
            return next()
        team_id = context.get("team_id") or context.get("enterprise_id") or "-"
        if not first_delivery(sessions, team_id, str(event_id), context["now"]):
            logger.info("event %s already handled; skipping the retry", event_id)
            return BoltResponse(status=200, body="")
        return next()

    return middleware
