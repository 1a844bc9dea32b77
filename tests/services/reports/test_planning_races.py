"""Report planning while another pass plans: a workspace whose report cursor another transaction
holds is left to that pass, not waited for (PostgreSQL), and a pass that comes after another has
planned the same instant reads nothing for its workspaces (both databases)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.services.reports.planning import plan_reports
from models.reports import ReportCursor, ReportPost
from tests.services.cursor_holder import cursor_held, without_waiting
from tests.services.factories import ADMIN, OTHER_TEAM, TEAM, actor, make_goal
from tests.sql_seen import statements

CREATED = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # a Tuesday
MONDAY = datetime(2026, 11, 30, 9, 5, tzinfo=UTC)  # each workspace's weekly digest is due


def two_workspaces(sessions) -> None:
    make_goal(sessions, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    other = actor(ADMIN, team_id=OTHER_TEAM, is_admin=True)
    make_goal(sessions, who=other, now=CREATED, today=date(2026, 11, 24), due=date(2027, 6, 30))
    plan_reports(sessions, now=CREATED, default_tz="UTC")  # both cursors exist, as after any tick


def planned(sessions) -> set[tuple[str, str]]:
    with sessions() as session:
        return {(post.team_id, post.kind) for post in session.scalars(select(ReportPost))}


def test_a_pass_after_another_planned_the_same_instant_reads_nothing(sessions):
    two_workspaces(sessions)
    assert plan_reports(sessions, now=MONDAY, default_tz="UTC").due == 2
    with statements(sessions) as seen:
        again = plan_reports(sessions, now=MONDAY, default_tz="UTC")

    assert (again.due, again.skipped) == (0, 0)
    assert seen, "the listener saw the pass list and lock the cursors"
    assert not [sql for sql in seen if "report_settings" in sql or "monthly_focus" in sql]
    assert planned(sessions) == {(TEAM, "weekly_digest"), (OTHER_TEAM, "weekly_digest")}


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_workspace_another_pass_is_planning_is_left_to_it_without_waiting(sessions):
    two_workspaces(sessions)
    with cursor_held(sessions, ReportCursor, OTHER_TEAM, CREATED):
        summary = without_waiting(lambda: plan_reports(sessions, now=MONDAY, default_tz="UTC"))
        assert planned(sessions) == {(TEAM, "weekly_digest")}  # OTHER_TEAM left to the holder
        assert summary.due == 1
    # That pass let go without planning (as if it had failed): the next tick catches up, once.
    plan_reports(sessions, now=MONDAY, default_tz="UTC")
    plan_reports(sessions, now=MONDAY, default_tz="UTC")
    assert planned(sessions) == {(TEAM, "weekly_digest"), (OTHER_TEAM, "weekly_digest")}
