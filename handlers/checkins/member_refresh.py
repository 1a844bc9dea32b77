"""The daily refresh of who is asked, run hourly by the clock (bot/entrypoints/scheduler.py).

Deciding who is due never calls Slack: it reads memberships and zones from the database. This job
keeps them current where events were missed: audiences (a channel's members, or a user group's)
synced over a day ago are read again (`conversations.members`, paginated, or
`usergroups.users.list`, then `users.info` each), and people not re-read for a day get `users.info`.
Every call goes through the tick's Sender, so it is paced with the prompts.

Any number of clocks run it at once and share the work (bot/services/jobs.py): each audience and
each person is claimed before Slack is asked about it, so it is read by one clock, once within
the hour, whether it is met in the audiences of two channels, in two clocks, or both.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.outbound import Sender, SendFailed
from bot.outbound.passes import TickContext
from bot.services import jobs
from bot.services.checkins import members
from bot.services.checkins.read_models import PersonInfo
from bot.services.checkins.workspaces import workspaces_with_schedules

logger = logging.getLogger(__name__)

_PAGE = 200
AUDIENCE = "refresh_audience"
PERSON = "refresh_person"
# Once read (or tried), an audience or person is left alone for the hour, by every clock.
QUIET = timedelta(hours=1)
# People are claimed a few at a time, so two clocks split a long list between them.
_PEOPLE_AT_ONCE = 25


@dataclass(frozen=True)
class Refreshed:
    audiences: int = 0
    people: int = 0
    failed: int = 0  # audiences or people Slack could not tell us about this time

    def __str__(self) -> str:
        return f"{self.audiences} audience(s), {self.people} person(s) re-read, {self.failed} failed"

    def __add__(self, other: "Refreshed") -> "Refreshed":
        return Refreshed(
            self.audiences + other.audiences, self.people + other.people, self.failed + other.failed
        )


def refresh_members(ctx: TickContext, now: datetime) -> Refreshed:
    total = Refreshed()
    for team_id in workspaces_with_schedules(ctx.sessions):
        for audience_id in members.audiences_to_sync(ctx.sessions, team_id=team_id, now=now):
            total += _refresh_audience(ctx, team_id, audience_id, now)
        stale = members.stale_people(ctx.sessions, team_id=team_id, now=now)
        for start in range(0, len(stale), _PEOPLE_AT_ONCE):
            read, failed = _read_people(ctx, team_id, stale[start : start + _PEOPLE_AT_ONCE], now)
            for info in read:
                members.person_changed(ctx.sessions, team_id=team_id, info=info, now=now)
            total += Refreshed(people=len(read), failed=failed)
    return total


def _refresh_audience(ctx: TickContext, team_id: str, audience_id: str, now: datetime) -> Refreshed:
    claims = _Claims(ctx, team_id, AUDIENCE, now)
    if not claims.take([audience_id]):
        return Refreshed()  # another clock has it, or read it within the hour
    try:
        try:
            ids = audience_of(ctx.sender, team_id, audience_id)
        except SendFailed as failure:
            logger.info("could not re-read %s in %s: %s", audience_id, team_id, failure.error)
            return Refreshed(failed=1)
        infos: list[PersonInfo] = []
        unread = 0
        for start in range(0, len(ids), _PEOPLE_AT_ONCE):
            read, failed = _read_people(ctx, team_id, ids[start : start + _PEOPLE_AT_ONCE], now)
            infos.extend(read)
            unread += failed
        # Members not read here keep their people rows (another clock may be writing them).
        members.sync_audience(ctx.sessions, team_id, audience_id, ids, infos, now)
        return Refreshed(audiences=1, failed=unread)
    finally:
        claims.done([audience_id])


def _read_people(
    ctx: TickContext, team_id: str, user_ids: Sequence[str], now: datetime
) -> tuple[list[PersonInfo], int]:
    """users.info for those of `user_ids` this clock claims (the others are another clock's, or
    were read within the hour); what was read, and how many Slack could not tell us about."""
    claims = _Claims(ctx, team_id, PERSON, now)
    mine = claims.take(user_ids)
    read: list[PersonInfo] = []
    try:
        for user_id in mine:
            try:
                read.append(person_info(ctx.sender, team_id, user_id))
            except SendFailed as failure:
                logger.info("could not re-read %s in %s: %s", user_id, team_id, failure.error)
    finally:
        claims.done(mine)
    return read, len(mine) - len(read)


@dataclass(frozen=True)
class _Claims:
    """One kind of refresh's claims in one workspace, held by this clock."""

    ctx: TickContext
    team_id: str
    job: str
    now: datetime

    def take(self, items: Sequence[str]) -> list[str]:
        return jobs.claim(
            self.ctx.sessions,
            job=self.job,
            team_id=self.team_id,
            items=items,
            worker=self.ctx.worker,
            now=self.now,
        )

    def done(self, items: Sequence[str]) -> None:
        """Read or tried: left alone for the hour, even if Slack could not answer this time."""
        jobs.finish(
            self.ctx.sessions,
            job=self.job,
            team_id=self.team_id,
            items=items,
            worker=self.ctx.worker,
            now=self.now,
            quiet_until=self.now + QUIET,
        )


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
