"""App Home: my goals with progress bars, and my channels' main goals this month."""

import logging
from datetime import date

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.dates import month_start
from bot.services import goal_reads, home
from handlers.deps import Deps, team_of
from handlers.goals.focus import month_label
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
            channels.update(c["id"] for c in page.get("channels", []))
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
    @app.event("app_home_opened")
    def publish_home(event, client, context, today: date):
        if event.get("tab", "home") != "home":
            return
        user_id = event["user"]
        data = goal_reads.home_data(
            deps.sessions, team_of(context), user_id, today=today, channel_ids=my_channels(client, user_id)
        )
        view = build_home(
            user_id=user_id,
            my_goals=data.my_goals,
            focus_goals=data.focus_goals,
            month_label=month_label(month_start(today)),
            tactics=home.open_tactics(deps.sessions, team_of(context), user_id),
            today=today,
        )
        client.views_publish(user_id=user_id, view=view)
