"""Many workspaces, each with one channel of people and a check-in, known to the stand-in and to
the database (seeded through the services), and what each person got. The multi-clock tests and
the benchmarks (fanout_workspaces, soak) seed from here."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

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
    """Ids unique across workspaces, as Slack's are: T0007, C0007, U000703 (workspace 7, person 3)."""
    return [
        Workspace(f"T{w:04d}", f"C{w:04d}", tuple(f"U{w:04d}{p:02d}" for p in range(people)))
        for w in range(count)
    ]


def add_to_standin(slack: SlackStandIn, workspaces: Iterable[Workspace]) -> None:
    """Each workspace, its people (in UTC) and its channel of them."""
    for ws in workspaces:
        slack.add_workspace(ws.team_id)
        for user_id in ws.people:
            slack.add_user(user_id, team_id=ws.team_id, tz="UTC")
        slack.add_channel(
            ws.channel_id, name=f"team-{ws.channel_id.lower()}", members=ws.people, team_id=ws.team_id
        )


def seed_checkins(
    sessions: sessionmaker[Session],
    workspaces: Iterable[Workspace],
    *,
    made_at: datetime,
    at: time,
    weekdays: frozenset[Weekday] = frozenset(Weekday),
    reminders: ReminderPolicy | None = None,
    reports: bool = False,
) -> None:
    """Each workspace: its channel's members and a check-in at `at` on `weekdays` (no reminders
    unless given); its monthly reminders and digests off unless `reports`."""
    for ws in workspaces:
        infos = [PersonInfo(user_id, "UTC") for user_id in ws.people]
        members.sync_channel_members(
            sessions, ws.team_id, ws.channel_id, infos, made_at - timedelta(minutes=1)
        )
        admin = Actor(team_id=ws.team_id, user_id=OWNER, is_admin=True)
        if not reports:
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
            schedule_id=0, weekdays=weekdays, local_time=at, reminders=reminders or ReminderPolicy(count=0)
        )
        schedules.set_schedule(sessions, admin, channel_id=ws.channel_id, spec=spec, now=made_at)


def seed(
    sessions: sessionmaker[Session], slack: SlackStandIn, workspaces: Iterable[Workspace], at: datetime
) -> None:
    """Every workspace in the stand-in and a daily check-in due at `at`, without reminders, and
    its monthly reminders and digests off (only prompts go out)."""
    workspaces = list(workspaces)
    add_to_standin(slack, workspaces)
    seed_checkins(sessions, workspaces, made_at=at - timedelta(days=2), at=at.time())


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
