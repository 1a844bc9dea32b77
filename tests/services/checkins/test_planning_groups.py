"""plan_in_groups: planning TEAMS_AT_ONCE workspaces at a time, each group handed over once its
rows are committed (the check-in pass sends them while it plans the next), naming only the
workspaces where something could be due; plan_deliveries is their sum."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select

from bot.domain.checkins.spec import ReminderPolicy
from bot.services.checkins import planning
from bot.services.checkins.read_models import PlanSummary
from models.checkins import Delivery
from tests.services.checkins.helpers import DEFAULT_TZ, TEAM, make_channel, make_other_workspace
from tests.sql_seen import statements

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)  # a Monday
NOON_ONLY = "T0002"


def with_a_noon_workspace(sessions) -> None:
    make_channel(sessions, {"U1": "UTC", "U2": "UTC"})
    make_other_workspace(
        sessions, NOON_ONLY, {"V1": "UTC"}, local_time=time(12, 7), reminders=ReminderPolicy(count=0)
    )


def stored(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Delivery)) or 0


def test_each_group_is_handed_over_committed_naming_the_workspaces_where_something_could_be_due(
    sessions, monkeypatch
):
    with_a_noon_workspace(sessions)
    # The minute before: the cursors stand there, so the window is one minute, when it is 12:07
    # nowhere (at a wider one, 12:07 somewhere in the world could be due).
    planning.plan_deliveries(sessions, now=NINE - timedelta(minutes=1), default_tz=DEFAULT_TZ)
    monkeypatch.setattr(planning, "TEAMS_AT_ONCE", 1)
    seen = []
    for group in planning.plan_in_groups(sessions, now=NINE, default_tz=DEFAULT_TZ):
        seen.append((group.teams, group.summary.due, stored(sessions)))  # read in a session of its own
    assert seen == [([TEAM], 2, 2), ([], 0, 2)]  # the noon workspace: nothing could be due at nine


def test_plan_deliveries_is_the_sum_of_the_groups(sessions, monkeypatch):
    with_a_noon_workspace(sessions)
    monkeypatch.setattr(planning, "TEAMS_AT_ONCE", 1)
    at_noon = datetime(2027, 3, 1, 12, 7, tzinfo=UTC)
    assert planning.plan_deliveries(sessions, now=at_noon, default_tz=DEFAULT_TZ) == PlanSummary(due=3)


def test_a_pass_plans_a_small_first_group_then_whole_ones(sessions, monkeypatch):
    """FIRST_GROUP workspaces first (their prompts go out while the rest is planned), then
    TEAMS_AT_ONCE."""
    make_channel(sessions, {"U1": "UTC"})
    for n in (2, 3, 4, 5):
        make_other_workspace(sessions, f"T000{n}", {f"V{n}": "UTC"})
    monkeypatch.setattr(planning, "FIRST_GROUP", 1)
    monkeypatch.setattr(planning, "TEAMS_AT_ONCE", 2)
    groups = [group.held for group in planning.plan_in_groups(sessions, now=NINE, default_tz=DEFAULT_TZ)]
    assert groups == [1, 2, 2]


def test_a_group_another_pass_planned_a_moment_ago_is_not_read_again(sessions):
    """A clock that comes to a group after another clock planned it (their cursors at `now`)
    holds none of them and reads none of their schedules or members."""
    make_channel(sessions, {"U1": "UTC"})
    make_other_workspace(sessions, "T0002", {"V1": "UTC"})
    planning.plan_deliveries(sessions, now=NINE, default_tz=DEFAULT_TZ)  # the other clock's pass

    with statements(sessions) as seen:
        groups = list(planning.plan_in_groups(sessions, now=NINE, default_tz=DEFAULT_TZ))

    assert [(group.teams, group.held, group.summary) for group in groups] == [([], 0, PlanSummary())]
    # The workspaces with a schedule are listed once; nothing is read per workspace after that.
    assert sum("checkin_schedules" in sql for sql in seen) == 1
    assert not any("memberships" in sql for sql in seen)
    assert stored(sessions) == 2


def test_a_re_plan_from_a_given_instant_reads_planned_workspaces_again(sessions):
    """`since` (tests, a manual re-plan) overrides the cursors, so a cursor at `now` is no reason
    to leave a workspace out; rows already planned are still not planned twice."""
    make_channel(sessions, {"U1": "UTC"})
    planning.plan_deliveries(sessions, now=NINE, default_tz=DEFAULT_TZ)

    again = planning.plan_deliveries(
        sessions, now=NINE, default_tz=DEFAULT_TZ, since=NINE - timedelta(minutes=5)
    )

    assert again == PlanSummary()  # the prompt was there already
    assert stored(sessions) == 1
