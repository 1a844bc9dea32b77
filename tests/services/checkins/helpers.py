"""Builders for check-in service tests: a channel with people in zones, and fixed instants."""

from datetime import UTC, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ScheduleSpec
from bot.services.actor import Actor
from bot.services.checkins import answers, members, planning, schedules
from bot.services.checkins.read_models import (
    AnswerInput,
    AnswerRecorded,
    AnswerSource,
    PersonInfo,
    PlanSummary,
    ScheduleView,
)
from models.checkins import Delivery

TEAM = "T0001"
OWNER = "U0WNER"
CHANNEL = "C0SHOP"
DEFAULT_TZ = "UTC"
# Monday 2027-03-01, before 09:00 anywhere east of UTC-1.
MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)  # a Sunday: the schedule exists well before
MON_0900_UTC = datetime(2027, 3, 1, 9, tzinfo=UTC)
MON_WED_FRI = frozenset({Weekday.MON, Weekday.WED, Weekday.FRI})


def owner(is_admin: bool = False, user_id: str = OWNER) -> Actor:
    return Actor(team_id=TEAM, user_id=user_id, is_admin=is_admin)


def spec(**changes) -> ScheduleSpec:
    return ScheduleSpec(**({"schedule_id": 0, "weekdays": MON_WED_FRI, "local_time": time(9, 0)} | changes))


def make_channel(
    sessions: sessionmaker[Session], people: dict[str, str | None], *, now: datetime = MADE_AT, **spec_changes
) -> ScheduleView:
    """A schedule in CHANNEL asking `people` (user id → zone)."""
    members.sync_channel_members(
        sessions, TEAM, CHANNEL, [PersonInfo(user_id, tz) for user_id, tz in people.items()], now
    )
    return schedules.set_schedule(sessions, owner(), channel_id=CHANNEL, spec=spec(**spec_changes), now=now)


def make_other_workspace(
    sessions: sessionmaker[Session], team_id: str, people: dict[str, str | None], **spec_changes
) -> ScheduleView:
    """A second workspace (`team_id`), its admin's schedule in channel C0TWO asking `people`."""
    members.sync_channel_members(
        sessions, team_id, "C0TWO", [PersonInfo(user_id, tz) for user_id, tz in people.items()], MADE_AT
    )
    admin = Actor(team_id=team_id, user_id=OWNER, is_admin=True)
    return schedules.set_schedule(sessions, admin, channel_id="C0TWO", spec=spec(**spec_changes), now=MADE_AT)


def plan(sessions: sessionmaker[Session], now: datetime, **kwargs) -> PlanSummary:
    return planning.plan_deliveries(sessions, now=now, default_tz=DEFAULT_TZ, **kwargs)


def deliveries(sessions: sessionmaker[Session]) -> list[tuple]:
    """(user, local date, kind, sequence, state, scheduled_at) of every outbox row, in order."""
    with sessions() as session:
        rows = session.scalars(
            select(Delivery).order_by(Delivery.scheduled_at, Delivery.user_id, Delivery.sequence)
        )
        return [
            (d.user_id, d.local_date, d.kind.value, d.sequence, d.state.value, d.scheduled_at) for d in rows
        ]


def answer(
    sessions: sessionmaker[Session],
    user_id: str,
    *,
    at: datetime,
    given: AnswerInput | None = None,
    source: AnswerSource = AnswerSource.FORM,
    anonymous_answer_id: str | None = None,
) -> AnswerRecorded:
    return answers.record_answer(
        sessions,
        team_id=TEAM,
        user_id=user_id,
        channel_id=CHANNEL,
        answer=given or AnswerInput(confidence=4),
        source=source,
        now=at,
        default_tz=DEFAULT_TZ,
        anonymous_answer_id=anonymous_answer_id,
    )
