"""Check-in answers stored through the real check-in services, for export tests."""

from datetime import UTC, datetime, time

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ScheduleSpec
from bot.services.actor import Actor
from bot.services.checkins import answers, members, schedules
from bot.services.checkins.read_models import AnswerInput, AnswerSource, PersonInfo

MONDAY_0800 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
MONDAY_1000 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def checkin_channel(sessions, team_id: str, channel_id: str, people: list[str], *, anonymous: bool) -> None:
    members.sync_channel_members(
        sessions, team_id, channel_id, [PersonInfo(p, "UTC") for p in people], MONDAY_0800
    )
    spec = ScheduleSpec(
        schedule_id=0,
        weekdays=frozenset(Weekday),
        local_time=time(9, 0),
        anonymous=anonymous,
        min_answers=3,
    )
    schedules.set_schedule(
        sessions, Actor(team_id, people[0]), channel_id=channel_id, spec=spec, now=MONDAY_0800
    )


def answer(sessions, team_id: str, channel_id: str, user_id: str, expectations: str, **more) -> None:
    answers.record_answer(
        sessions,
        team_id=team_id,
        user_id=user_id,
        channel_id=channel_id,
        answer=AnswerInput(confidence=4, expectations=expectations, **more),
        source=AnswerSource.FORM,
        now=MONDAY_1000,
        default_tz="UTC",
    )
