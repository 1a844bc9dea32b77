"""A channel's first tick plans only what fell due after it had a goal: nothing from before."""

from datetime import UTC, date, datetime

from bot.services.reports.planning import plan_reports
from models.reports import ReportPost
from tests.services.factories import make_goal

CREATED = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # a Tuesday, after November's first working day


def kinds(sessions) -> set[tuple[str, str]]:
    with sessions() as session:
        return {(post.kind, post.period) for post in session.query(ReportPost)}


def test_a_new_channel_gets_no_digest_or_reminder_for_the_time_before_its_first_goal(sessions):
    make_goal(sessions, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))

    summary = plan_reports(sessions, now=datetime(2026, 11, 24, 10, 5, tzinfo=UTC), default_tz="UTC")

    assert summary.due == 0 and summary.skipped == 0
    assert kinds(sessions) == set()


def test_what_falls_due_after_the_first_goal_is_planned(sessions):
    make_goal(sessions, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    plan_reports(sessions, now=datetime(2026, 11, 24, 10, 5, tzinfo=UTC), default_tz="UTC")

    plan_reports(sessions, now=datetime(2026, 11, 30, 9, 5, tzinfo=UTC), default_tz="UTC")  # Monday

    assert ("weekly_digest", "2026-W48") in kinds(sessions)
