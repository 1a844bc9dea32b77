"""A channel's first tick plans only what fell due after it had a goal: nothing from before."""

from datetime import UTC, date, datetime

from sqlalchemy import event

from bot.domain.reports.digest_schedule import DigestCadence
from bot.services.reports.planning import plan_reports
from bot.services.reports.settings import change_settings
from models.reports import ReportCursor, ReportPost
from tests.services.factories import ADMIN, CHANNEL, OTHER_TEAM, TEAM, actor, make_goal

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


def test_many_workspaces_are_planned_together_each_as_it_would_be_alone(sessions):
    # T0002's reports are off: nothing falls due there, but its cursor moves all the same.
    make_goal(sessions, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    other = actor(ADMIN, team_id=OTHER_TEAM, is_admin=True)
    make_goal(sessions, who=other, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    change_settings(
        sessions,
        other,
        CHANNEL,
        now=CREATED,
        default_tz="UTC",
        reminders_enabled=False,
        cadence=DigestCadence.OFF,
    )
    plan_reports(sessions, now=datetime(2026, 11, 24, 10, 5, tzinfo=UTC), default_tz="UTC")
    monday = datetime(2026, 11, 30, 9, 5, tzinfo=UTC)

    assert plan_reports(sessions, now=monday, default_tz="UTC").due == 1

    with sessions() as session:
        assert {(p.team_id, p.kind, p.period) for p in session.query(ReportPost)} == {
            (TEAM, "weekly_digest", "2026-W48")
        }
        assert {c.team_id: c.planned_until for c in session.query(ReportCursor)} == {
            TEAM: monday,
            OTHER_TEAM: monday,
        }
    assert plan_reports(sessions, now=monday, default_tz="UTC").due == 0


def test_a_pass_reads_as_much_for_many_workspaces_as_for_one(sessions):
    def statements(now: datetime) -> int:
        seen: list[str] = []
        engine = sessions.kw["bind"]
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            plan_reports(sessions, now=now, default_tz="UTC")
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    make_goal(sessions, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    one = statements(datetime(2026, 11, 24, 10, 5, tzinfo=UTC))
    for n in range(2, 6):
        make_goal(
            sessions,
            who=actor(team_id=f"T000{n}"),
            now=CREATED,
            today=date(2026, 11, 24),
            due=date(2027, 6, 30),
        )
    assert statements(datetime(2026, 11, 24, 10, 6, tzinfo=UTC)) == one  # nothing due: reads only
