"""Builders for delivery tests: channels of people in zones, a TickContext on the stand-in, and
what each person got in their DM (counted at the stand-in, not in our database)."""

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.spec import ScheduleSpec
from bot.domain.reports.digest_schedule import DigestCadence
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.services.checkins import members, schedules
from bot.services.checkins.read_models import PersonInfo, ScheduleView
from bot.services.reports import settings as report_settings
from bot.slack.standin import SlackStandIn
from handlers.checkins.delivery_message import delivery_of
from models.checkins import Delivery
from tests.services.checkins.helpers import TEAM, owner, spec

TOKEN = "xoxb-delivery-test"


def no_sleep(seconds: float) -> None:
    """The sender's backoff between retries; the stand-in answers at once, so tests need not wait."""


def tick_context(
    sessions: sessionmaker[Session], slack: SlackStandIn, *, rate: float = 1000.0, worker: str = "test"
) -> TickContext:
    sender = Sender(single_token(TOKEN), WorkspaceGate(rate), base_url=slack.base_url, sleep=no_sleep)
    return TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("UTC"), worker=worker)


def add_channel(
    sessions: sessionmaker[Session],
    slack: SlackStandIn,
    channel_id: str,
    people: dict[str, str | None],
    *,
    made_at: datetime,
    **spec_changes: object,
) -> ScheduleView:
    """A check-in in `channel_id` asking `people` (user id → zone), known to Slack and to us."""
    for user_id, tz in people.items():
        if slack.user(user_id) is None:
            slack.add_user(user_id, team_id=TEAM, tz=tz or "UTC")
    slack.add_channel(channel_id, name=f"team-{channel_id.lower()}", members=list(people))
    infos = [PersonInfo(user_id, tz) for user_id, tz in people.items()]
    members.sync_channel_members(sessions, TEAM, channel_id, infos, made_at)
    # Delivery tests count check-in posts; the channel's monthly reminders and digests stay quiet.
    report_settings.change_settings(
        sessions,
        owner(is_admin=True),  # a channel with no goal: only an admin may change its settings
        channel_id,
        now=made_at,
        default_tz="UTC",
        reminders_enabled=False,
        cadence=DigestCadence.OFF,
    )
    made: ScheduleSpec = spec(**spec_changes)
    return schedules.set_schedule(sessions, owner(), channel_id=channel_id, spec=made, now=made_at)


def dm(user_id: str) -> str:
    return "D" + user_id[1:]


def dms(slack: SlackStandIn, user_ids: Iterable[str]) -> dict[str, int]:
    """How many check-in messages each person has in their DM at the stand-in."""
    return {user_id: len(checkin_messages(slack, user_id)) for user_id in user_ids}


def checkin_messages(slack: SlackStandIn, user_id: str) -> list[dict]:
    return [m for m in slack.messages.history(dm(user_id)) if delivery_of(m) is not None]


def delivered_ids(slack: SlackStandIn, user_ids: Iterable[str]) -> Counter[int]:
    """Delivery id → how many messages carry it, across the DMs of `user_ids`."""
    return Counter(delivery_of(m) for u in user_ids for m in checkin_messages(slack, u))  # type: ignore[misc]


def states(sessions: sessionmaker[Session]) -> Counter[str]:
    with sessions() as session:
        return Counter(d.state.value for d in session.scalars(select(Delivery)))
