"""A channel with an annual goal broken down, its main goals for a quarter, and the tick's context."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.services import breakdown, focus
from bot.services.reports.settings import change_settings
from bot.slack.standin import SlackStandIn
from models.people import Holiday
from models.reports import ReportPost
from tests.services.factories import CHANNEL, OWNER, TEAM, actor, make_goal, row

ZONE = "Europe/Berlin"
AT = time(9, 30)
# New Year's Day is a Friday in 2027, so January's first working day is Monday the 4th;
# Monday 15 February is a holiday, so February's mid-month check is on the 16th.
HOLIDAYS = (date(2027, 1, 1), date(2027, 2, 15))
SET_UP = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)


def tick_context(sessions: sessionmaker[Session], standin: SlackStandIn) -> TickContext:
    sender = Sender(
        single_token("xoxb-test"),
        WorkspaceGate(10_000.0, sleep=lambda _: None),
        base_url=standin.base_url,
        sleep=lambda _: None,
    )
    return TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("UTC"), worker="test")


def set_up_quarter(sessions: sessionmaker[Session], standin: SlackStandIn, *, focus_months=(1, 2, 3)) -> int:
    standin.add_channel(CHANNEL, name="shop", members=(OWNER,))
    today = SET_UP.date()
    goal = make_goal(
        sessions,
        row("CSAT", 78, 90, "%"),
        title="Raise CSAT for our regulars",
        start=date(2027, 1, 1),
        due=date(2027, 12, 31),
        today=today,
        now=SET_UP,
    )
    breakdown.break_down(sessions, actor(), goal.id, now=SET_UP, today=today)
    with sessions.begin() as session:
        session.add_all(Holiday(team_id=TEAM, day=day, name="holiday") for day in HOLIDAYS)
    change_settings(sessions, actor(), CHANNEL, now=SET_UP, default_tz="UTC", at=AT, zone=ZONE)
    for month in focus_months:
        focus.set_focus(
            sessions,
            team_id=TEAM,
            user_id=OWNER,
            channel_id=CHANNEL,
            goal_id=goal.id,
            replace=False,
            now=SET_UP,
            today=today,
            month=date(2027, month, 1),
        )
    return goal.id


def ticks(start: datetime, end: datetime, every: timedelta):
    at = start
    while at <= end:
        yield at
        at += every


def posts(sessions: sessionmaker[Session]) -> list[ReportPost]:
    with sessions() as session:
        return list(session.scalars(select(ReportPost).order_by(ReportPost.due_at, ReportPost.id)))


def berlin(day: date, at: time = AT) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(ZONE)).astimezone(UTC)
