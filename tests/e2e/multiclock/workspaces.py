"""Many workspaces, each with one channel of people and a check-in due at one instant, known to
the stand-in and to the database (seeded through the services), and what each person got."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy, ScheduleSpec
from bot.domain.reports.digest_schedule import DigestCadence
from bot.services.actor import Actor
from bot.services.checkins import members, schedules
from bot.services.checkins.read_models import PersonInfo
from bot.services.reports import settings as report_settings
from bot.slack.standin import SlackStandIn, dm_id
from handlers.checkins.delivery_message import delivery_of

OWNER = "U0WNER"


@dataclass(frozen=True)
class Workspace:
    team_id: str
    channel_id: str
    people: tuple[str, ...]


def make_workspaces(count: int, people: int) -> list[Workspace]:
    """Ids unique across workspaces, as Slack's are: T007, C007, U00703 (workspace 7, person 3)."""
    return [
        Workspace(f"T{w:03d}", f"C{w:03d}", tuple(f"U{w:03d}{p:02d}" for p in range(people)))
        for w in range(count)
    ]


def seed(
    sessions: sessionmaker[Session], slack: SlackStandIn, workspaces: Iterable[Workspace], at: datetime
) -> None:
    """Every workspace: its people in UTC, a channel of them, a daily check-in at `at` without
    reminders, and its monthly reminders and digests off (only prompts go out)."""
    made_at = at - timedelta(days=2)
    for ws in workspaces:
        slack.add_workspace(ws.team_id)
        for user_id in ws.people:
            slack.add_user(user_id, team_id=ws.team_id, tz="UTC")
        slack.add_channel(
            ws.channel_id, name=f"team-{ws.channel_id.lower()}", members=ws.people, team_id=ws.team_id
        )
        infos = [PersonInfo(user_id, "UTC") for user_id in ws.people]
        members.sync_channel_members(sessions, ws.team_id, ws.channel_id, infos, made_at)
        admin = Actor(team_id=ws.team_id, user_id=OWNER, is_admin=True)
        report_settings.change_settings(
            sessions,
            admin,
            ws.channel_id,
            now=made_at,
            default_tz="UTC",
            reminders_enabled=False,
            cadence=DigestCadence.OFF,
        )
        spec = ScheduleSpec(
            schedule_id=0,
            weekdays=frozenset(Weekday),
            local_time=at.time(),
            reminders=ReminderPolicy(count=0),
        )
        schedules.set_schedule(sessions, admin, channel_id=ws.channel_id, spec=spec, now=made_at)


def prompts_posted(slack: SlackStandIn, workspaces: Iterable[Workspace]) -> Counter[tuple[str, int]]:
    """(person, delivery id in the message's metadata) → how many messages carry it in their DM."""
    return Counter(
        (user_id, delivery)
        for ws in workspaces
        for user_id in ws.people
        for message in slack.messages.history(dm_id(user_id))
        if (delivery := delivery_of(message)) is not None
    )


def everyone(workspaces: Iterable[Workspace]) -> list[str]:
    return [user_id for ws in workspaces for user_id in ws.people]
