"""App Home: my goals with progress bars, and my channels' main goals this month."""

import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.dates import month_start
from bot.services import goal_reads, home
from bot.services.checkins.home import home_checkins
from handlers.common.focus import month_label
from handlers.deps import Deps, team_of
from handlers.later import later, on_ack_then_later
from handlers.views.checkin_home import build_checkin_section
from handlers.views.home import build_home

logger = logging.getLogger(__name__)

MAX_CHANNEL_PAGES = 5


def my_channels(client: WebClient, user_id: str) -> set[str] | None:
    """The person's channels as Slack knows them; None when Slack won't say (then the DB guesses)."""
    channels: set[str] = set()
    cursor = None
    try:
        for _ in range(MAX_CHANNEL_PAGES):
            page = client.users_conversations(
                user=user_id,
                types="public_channel,private_channel",
                limit=200,
                cursor=cursor,
                exclude_archived=True,
            )
            listed: list[dict[str, str]] = page.get("channels") or []
            channels.update(channel["id"] for channel in listed)
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except SlackApiError as error:
        logger.info(
            "users.conversations failed (%s); using channels from goalbot's own data",
            error.response.get("error"),
        )
        return None
    return channels


def register(app, deps: Deps) -> None:
    def home_opened(ack, event, context, now: datetime, today: date):
        ack()
        if event.get("tab", "home") == "home":
            team_id, user_id = team_of(context), event["user"]
            later(
                context,
                lambda client, _: publish_home(
                    client, deps, team_id=team_id, user_id=user_id, today=today, now=now
                ),
            )

    on_ack_then_later(app.event("app_home_opened"), home_opened)


def publish_home(
    client: WebClient, deps: Deps, *, team_id: str, user_id: str, today: date, now: datetime | None = None
) -> None:
    """Needs users.conversations and views.publish, so it runs after the ack. Without `now` the
    check-in part is left out (it depends on the time of day)."""
    data = goal_reads.home_data(
        deps.sessions, team_id, user_id, today=today, channel_ids=my_channels(client, user_id)
    )
    view = build_home(
        user_id=user_id,
        my_goals=data.my_goals,
        focus_goals=data.focus_goals,
        month_label=month_label(month_start(today)),
        tactics=home.open_tactics(deps.sessions, team_id, user_id),
        today=today,
        checkins=_checkins(deps, team_id, user_id, now, today) if now is not None else (),
    )
    client.views_publish(user_id=user_id, view=view)


def _checkins(deps: Deps, team_id: str, user_id: str, now: datetime, today: date):
    found = home_checkins(
        deps.sessions, team_id=team_id, user_id=user_id, now=now, default_tz=deps.zone_of(team_id).key
    )
    return build_checkin_section(found, tz=ZoneInfo(found.tz), today=today)
