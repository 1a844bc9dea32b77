"""Many workspaces for the multi-workspace benchmarks and the soak: each with one channel of
people in UTC and a daily check-in, seeded through the services, and the same people and channels
in a stand-in (ids unique across workspaces, as Slack's are)."""

from collections.abc import Iterator
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
from bot.slack.standin import SlackStandIn

OWNER = "U0WNER"


@dataclass(frozen=True)
class BenchWorkspace:
    team_id: str
    channel_id: str
    people: tuple[str, ...]


def workspaces(count: int, people: int) -> list[BenchWorkspace]:
    """Workspace 7's channel is C0007 and its third person U000702."""
    return [
        BenchWorkspace(f"T{w:04d}", f"C{w:04d}", tuple(f"U{w:04d}{p:02d}" for p in range(people)))
        for w in range(count)
    ]


def people_of(spaces: list[BenchWorkspace]) -> Iterator[tuple[str, str]]:
    """(team id, user id) of everyone."""
    return ((ws.team_id, user_id) for ws in spaces for user_id in ws.people)


def add_to_standin(standin: SlackStandIn, spaces: list[BenchWorkspace]) -> None:
    for ws in spaces:
        standin.add_workspace(ws.team_id)
        for user_id in ws.people:
            standin.add_user(user_id, team_id=ws.team_id, tz="UTC")
        standin.add_channel(ws.channel_id, members=ws.people, team_id=ws.team_id)


def seed(
    sessions: sessionmaker[Session],
    spaces: list[BenchWorkspace],
    *,
    made_at: datetime,
    at: time,
    weekdays: frozenset[Weekday] = frozenset(Weekday),
    reminders: ReminderPolicy | None = None,
    reports: bool = False,
) -> None:
    """Each workspace: its channel's members and a check-in at `at` on `weekdays` (no reminders
    unless given); its monthly reminders and digests off unless `reports`."""
    for ws in spaces:
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
            schedule_id=0,
            weekdays=weekdays,
            local_time=at,
            reminders=reminders or ReminderPolicy(count=0),
        )
        schedules.set_schedule(sessions, admin, channel_id=ws.channel_id, spec=spec, now=made_at)
