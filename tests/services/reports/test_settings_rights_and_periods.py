"""Who may change a channel's report and follow-up settings, and which periods it can report on."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.enums import GoalStatus
from bot.services.followups import settings as followups_settings
from bot.services.reports import settings
from bot.services.reports.report_periods import channel_first_day, check_period
from bot.services.reports.report_refusals import NotSettingsEditor, PeriodBeforeChannel, PeriodInFuture
from models.goals import Goal
from models.reports import ReportSettings
from tests.services.factories import (
    ADMIN,
    CHANNEL,
    NOW,
    OTHER_CHANNEL,
    OWNER,
    TEAM,
    TEAMMATE,
    actor,
    make_goal,
)
from tests.services.reports.checkin_data import checkin_channel

UTC_ZONE = ZoneInfo("UTC")


def _change(sessions, who):
    return settings.change_settings(
        sessions, who, CHANNEL, now=NOW, default_tz="UTC", reminders_enabled=False
    )


def test_an_owner_of_one_of_the_channels_goals_or_an_admin_may_change_its_settings(sessions):
    make_goal(sessions)
    assert _change(sessions, actor(OWNER)).reminders_enabled is False
    assert (
        followups_settings.set_due_hours(sessions, actor(ADMIN, is_admin=True), CHANNEL, 24).due_hours == 24
    )


def test_anyone_else_is_refused_with_the_owners_and_nothing_changes(sessions):
    make_goal(sessions)
    make_goal(
        sessions, who=actor(TEAMMATE), channel_id=OTHER_CHANNEL
    )  # owning elsewhere gives no rights here
    for change in (
        lambda: _change(sessions, actor(TEAMMATE)),
        lambda: followups_settings.set_due_hours(sessions, actor(TEAMMATE), CHANNEL, 24),
        lambda: followups_settings.set_post_channel(sessions, actor(TEAMMATE), CHANNEL, "C0ESC"),
    ):
        with pytest.raises(NotSettingsEditor) as refused:
            change()
        assert refused.value.owner_ids == (OWNER,) and refused.value.channel_id == CHANNEL
    with sessions() as session:
        assert session.query(ReportSettings).count() == 0
    assert followups_settings.followup_settings(sessions, TEAM, CHANNEL).post_channel_id is None


def test_an_archived_goal_gives_its_owner_no_rights(sessions):
    goal = make_goal(sessions)
    with sessions.begin() as session:
        session.get_one(Goal, goal.id).status = GoalStatus.ARCHIVED
    with pytest.raises(NotSettingsEditor) as refused:
        _change(sessions, actor(OWNER))
    assert refused.value.owner_ids == ()


def _first_day(sessions, team_id=TEAM, zone=UTC_ZONE):
    with sessions() as session:
        return channel_first_day(session, team_id, CHANNEL, zone)


def test_the_first_day_is_the_first_goal_or_schedule_in_the_channels_zone(sessions):
    assert _first_day(sessions) is None
    checkin_channel(sessions, TEAM, CHANNEL, [OWNER], anonymous=False)  # 2026-11-23 08:00 UTC
    make_goal(sessions)  # 2027-01-04
    assert _first_day(sessions) == date(2026, 11, 23)
    assert _first_day(sessions, zone=ZoneInfo("Pacific/Honolulu")) == date(2026, 11, 22)
    assert _first_day(sessions, team_id="T_ELSEWHERE") is None


@pytest.mark.parametrize(
    ("start", "end", "refusal"),
    [
        (date(2026, 10, 1), date(2026, 10, 31), PeriodBeforeChannel),
        (date(2027, 2, 1), date(2027, 2, 28), PeriodInFuture),
        (date(2026, 11, 16), date(2026, 11, 22), PeriodBeforeChannel),  # the week before the first goal
        (date(2026, 11, 23), date(2026, 11, 29), None),
        (date(2027, 1, 1), date(2027, 1, 31), None),  # the current month, so far
    ],
)
def test_periods_before_the_channel_or_in_the_future_are_refused(sessions, start, end, refusal):
    make_goal(sessions, now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC), today=date(2026, 11, 23))

    def check():
        check_period(
            sessions, TEAM, CHANNEL, period="p", start=start, end=end, today=date(2027, 1, 4), zone=UTC_ZONE
        )

    if refusal is None:
        check()
    else:
        with pytest.raises(refusal):
            check()
