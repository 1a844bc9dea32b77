"""Who is asked, read from Slack after the ack and kept in the database: the sync when a schedule is
made, and the member_joined_channel / member_left_channel / user_change events."""

import logging
from collections.abc import Iterator
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.checkins import members
from bot.services.checkins.read_models import PersonInfo, SyncResult
from handlers.deps import Deps, team_of
from handlers.later import later, on_ack_then_later

logger = logging.getLogger(__name__)

MAX_MEMBER_PAGES = 100  # 100 pages of 200: a 20,000-person channel


def person_info(user: dict) -> PersonInfo:
    return PersonInfo(
        user_id=str(user.get("id")),
        tz=user.get("tz") if isinstance(user.get("tz"), str) else None,
        is_bot=bool(user.get("is_bot")) or user.get("id") == "USLACKBOT",
        deleted=bool(user.get("deleted")),
    )


def audience_user_ids(client: WebClient, audience_id: str) -> Iterator[str]:
    """A user group's users, or a channel's members (paginated)."""
    if audience_id.startswith("S"):
        yield from client.usergroups_users_list(usergroup=audience_id).get("users") or []
        return
    cursor = None
    for _ in range(MAX_MEMBER_PAGES):
        page = client.conversations_members(channel=audience_id, limit=200, cursor=cursor)
        yield from page.get("members") or []
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def sync_audience(
    client: WebClient, deps: Deps, *, team_id: str, audience_id: str, now: datetime
) -> SyncResult:
    """Reads the audience and each person's zone and status, then stores exactly that."""
    infos = []
    for user_id in dict.fromkeys(audience_user_ids(client, audience_id)):
        try:
            infos.append(person_info(client.users_info(user=user_id)["user"]))
        except SlackApiError as error:
            # One unreadable person is left out rather than losing the whole sync.
            logger.warning("users.info failed during a sync: %s", error.response.get("error"))
    return members.sync_channel_members(deps.sessions, team_id, audience_id, infos, now)


def register(app, deps: Deps) -> None:
    def joined(ack, event, context, now: datetime):
        team_id, channel_id, user_id = team_of(context), event.get("channel"), event.get("user")
        if not isinstance(channel_id, str) or not isinstance(user_id, str):
            ack()
            return
        members.member_joined(deps.sessions, team_id=team_id, channel_id=channel_id, user_id=user_id, now=now)
        ack()
        later(context, lambda client, _: _refresh_person(client, deps, team_id, user_id, now))

    def left(ack, event, context):
        team_id, channel_id, user_id = team_of(context), event.get("channel"), event.get("user")
        if isinstance(channel_id, str) and isinstance(user_id, str):
            members.member_left(deps.sessions, team_id=team_id, channel_id=channel_id, user_id=user_id)
        ack()

    def user_changed(ack, event, context, now: datetime):
        user = event.get("user")
        if isinstance(user, dict) and isinstance(user.get("id"), str):
            members.person_changed(deps.sessions, team_id=team_of(context), info=person_info(user), now=now)
        ack()

    on_ack_then_later(app.event("member_joined_channel"), joined)
    app.event("member_left_channel")(left)
    app.event("user_change")(user_changed)


def _refresh_person(client: WebClient, deps: Deps, team_id: str, user_id: str, now: datetime) -> None:
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        logger.warning("users.info failed for a new member: %s", error.response.get("error"))
        return
    members.person_changed(deps.sessions, team_id=team_id, info=person_info(user), now=now)
