"""Planning while another pass plans (PostgreSQL): a workspace whose cursor another transaction
holds is left to that pass, not waited for, so clocks ticking at once plan different workspaces
side by side; the holder plans it, and each prompt is recorded once."""

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models.checkins import CheckinPlan, Delivery
from tests.services.checkins.helpers import MADE_AT, TEAM, make_channel, make_other_workspace, plan
from tests.services.cursor_holder import cursor_held, without_waiting

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("database_url", ["postgres"], indirect=True)]
NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)  # a Monday
OTHER = "T0002"


def two_workspaces(sessions) -> None:
    make_channel(sessions, {"U1": "UTC", "U2": "UTC"})
    make_other_workspace(sessions, OTHER, {"V1": "UTC"})
    plan(sessions, MADE_AT)  # both cursors exist, as after any earlier tick


def planned(sessions) -> dict[str, list[str]]:
    with sessions() as session:
        rows = session.execute(select(Delivery.team_id, Delivery.user_id).order_by(Delivery.user_id))
        found: dict[str, list[str]] = {}
        for team_id, user_id in rows:
            found.setdefault(team_id, []).append(user_id)
        return found


def test_a_workspace_another_pass_is_planning_is_left_to_it_without_waiting(sessions):
    two_workspaces(sessions)
    with cursor_held(sessions, CheckinPlan, OTHER, NINE):
        summary = without_waiting(lambda: plan(sessions, NINE))
        assert planned(sessions) == {TEAM: ["U1", "U2"]}  # OTHER left to the pass holding it
        assert summary.due == 2
    # That pass let go without planning (as if it had failed): the next tick catches up, once.
    plan(sessions, NINE)
    plan(sessions, NINE)
    assert planned(sessions) == {TEAM: ["U1", "U2"], OTHER: ["V1"]}


def test_two_passes_at_once_record_each_prompt_once(sessions):
    two_workspaces(sessions)
    start = threading.Barrier(2)
    summaries = []

    def one_pass():
        start.wait()
        summaries.append(plan(sessions, NINE))

    passes = [threading.Thread(target=one_pass) for _ in range(2)]
    for thread in passes:
        thread.start()
    for thread in passes:
        thread.join(timeout=30)
    assert planned(sessions) == {TEAM: ["U1", "U2"], OTHER: ["V1"]}
    assert sum(summary.due for summary in summaries) == 3
