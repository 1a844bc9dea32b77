"""Global middleware: stamp each request with the injected clock, and drop Slack's retried events."""

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_bolt import BoltResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models.events import ProcessedEvent

logger = logging.getLogger(__name__)


def stamp_time(clock: Callable[[], datetime], timezone: ZoneInfo):
    """Listeners take `now` (aware UTC) and `today` (the workspace's date) as arguments."""

    def middleware(context, next):
        now = clock()
        context["now"] = now
        context["today"] = now.astimezone(timezone).date()
        return next()

    return middleware


def skip_retried_events(sessions: sessionmaker[Session]):
    """Slack redelivers an event it thinks we missed; the unique event id makes the second one a no-op."""

    def middleware(body, context, next):
        event_id = body.get("event_id")
        if body.get("type") != "event_callback" or not event_id:
            return next()
        team_id = context.get("team_id") or context.get("enterprise_id") or "-"
        try:
            with sessions.begin() as session:
                session.add(
                    ProcessedEvent(team_id=team_id, event_id=str(event_id)[:64], received_at=context["now"])
                )
        except IntegrityError:
            logger.info("event %s already handled; skipping the retry", event_id)
            return BoltResponse(status=200, body="")
        return next()

    return middleware
