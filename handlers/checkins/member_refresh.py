"""The daily refresh of who is asked, run hourly by the clock (bot/entrypoints/scheduler.py).

Deciding who is due never calls Slack: it reads memberships and zones from the database. This job
keeps them current where events were missed: audiences (a channel's members, or a user group's)
synced over a day ago are read again (`conversations.members`, paginated, or
`usergroups.users.list`, then `users.info` each), and people not re-read for a day get `users.info`.
Every call goes through the tick's Sender, so it is paced with the prompts.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.outbound import Sender, SendFailed
from bot.outbound.passes import TickContext
from bot.services.checkins import members
from bot.services.checkins.views import PersonInfo
from bot.services.checkins.workspaces import workspaces_with_schedules

logger = logging.getLogger(__name__)

_PAGE = 200


@dataclass(frozen=True)
class Refreshed:
    audiences: int = 0
    people: int = 0
    failed: int = 0  # audiences or people Slack could not tell us about this time

    def __str__(self) -> str:
        return f"{self.audiences} audience(s), {self.people} person(s) re-read, {self.failed} failed"


def refresh_members(ctx: TickContext, now: datetime) -> Refreshed:
    audiences = people = failed = 0
    for team_id in workspaces_with_schedules(ctx.sessions):
        for audience_id in members.audiences_to_sync(ctx.sessions, team_id=team_id, now=now):
            try:
                ids = audience_of(ctx.sender, team_id, audience_id)
                infos = [person_info(ctx.sender, team_id, user_id) for user_id in ids]
            except SendFailed as failure:
                logger.info("could not re-read %s in %s: %s", audience_id, team_id, failure.error)
                failed += 1
                continue
            members.sync_channel_members(ctx.sessions, team_id, audience_id, infos, now)
            audiences += 1
        for user_id in members.stale_people(ctx.sessions, team_id=team_id, now=now):
            try:
                info = person_info(ctx.sender, team_id, user_id)
            except SendFailed:
                failed += 1
                continue
            members.person_changed(ctx.sessions, team_id=team_id, info=info, now=now)
            people += 1
    return Refreshed(audiences, people, failed)


def audience_of(sender: Sender, team_id: str, audience_id: str) -> list[str]:
    """Member ids of a user group (S…) or a channel, every page."""
    if audience_id.startswith("S"):
        answer = sender.call(team_id, "usergroups_users_list", usergroup=audience_id)
        return [str(user) for user in answer.get("users") or []]
    found: list[str] = []
    cursor = None
    while True:
        arguments: dict[str, Any] = {"channel": audience_id, "limit": _PAGE}
        if cursor:
            arguments["cursor"] = cursor
        page = sender.call(team_id, "conversations_members", **arguments)
        found.extend(str(member) for member in page.get("members") or [])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return found


def person_info(sender: Sender, team_id: str, user_id: str) -> PersonInfo:
    """users.info as the services want it; a user Slack no longer knows is treated as deactivated."""
    try:
        user = sender.call(team_id, "users_info", user=user_id)["user"]
    except SendFailed as failure:
        if failure.error == "user_not_found":
            return PersonInfo(user_id, deleted=True)
        raise
    return PersonInfo(
        user_id=user_id,
        tz=user.get("tz"),
        is_bot=bool(user.get("is_bot")),
        deleted=bool(user.get("deleted")),
    )
