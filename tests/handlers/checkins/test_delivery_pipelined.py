"""The check-in pass plans a group of workspaces at a time and sends each group's prompts while it
plans the next (bot/services/checkins/planning.plan_in_groups feeding the engine's `coming`): the
first group's prompts are out before the last group is planned, every prompt goes out once, and
the pass's summary counts them all."""

import threading
from datetime import timedelta

import pytest

from bot.outbound.passes import PassSummary
from bot.services.checkins import planning
from handlers.checkins import delivery
from handlers.checkins.delivery import tick_pass
from tests.e2e.multiclock.workspaces import add_to_standin, make_workspaces, seed_checkins
from tests.handlers.checkins.delivery_setup import dms, tick_context
from tests.services.checkins.helpers import MON_0900_UTC

GIVE_UP = 5.0  # seconds: reached only if the pass planned everything before sending anything
SPACES = make_workspaces(3, 2)
EVERYONE = [user for ws in SPACES for user in ws.people]


@pytest.fixture
def three_workspaces(sessions, slack_api):
    add_to_standin(slack_api, SPACES)
    seed_checkins(sessions, SPACES, made_at=MON_0900_UTC - timedelta(days=2), at=MON_0900_UTC.time())


def test_the_first_groups_prompts_go_out_while_the_next_groups_are_planned(
    sessions, slack_api, three_workspaces, monkeypatch
):
    monkeypatch.setattr(planning, "TEAMS_AT_ONCE", 1)  # a group per workspace
    first_posted, waits = threading.Event(), []
    real_plan = planning.plan_in_groups

    def watched(*args, **kwargs):
        for n, group in enumerate(real_plan(*args, **kwargs)):
            if n > 0:  # the next group is planned only once the first group's prompts are out
                waits.append(first_posted.wait(GIVE_UP))
            yield group

    monkeypatch.setattr(delivery, "plan_in_groups", watched)
    ctx = tick_context(sessions, slack_api)
    real_post = ctx.sender.post

    def post(team_id, **message):
        sent = real_post(team_id, **message)
        if team_id == SPACES[0].team_id:
            first_posted.set()
        return sent

    monkeypatch.setattr(ctx.sender, "post", post)
    summary = tick_pass(ctx, MON_0900_UTC)

    assert waits == [True, True]
    assert summary == PassSummary(due=6, sent=6)
    assert dms(slack_api, EVERYONE) == dict.fromkeys(EVERYONE, 1)
    assert tick_pass(ctx, MON_0900_UTC + timedelta(minutes=1)) == PassSummary()


def test_groups_planned_at_once_send_every_prompt_once(sessions, slack_api, three_workspaces, monkeypatch):
    monkeypatch.setattr(planning, "TEAMS_AT_ONCE", 2)
    ctx = tick_context(sessions, slack_api)
    assert tick_pass(ctx, MON_0900_UTC) == PassSummary(due=6, sent=6)
    assert dms(slack_api, EVERYONE) == dict.fromkeys(EVERYONE, 1)


def test_a_minute_with_nothing_due_starts_no_sender_threads(
    sessions, slack_api, three_workspaces, monkeypatch
):
    ctx = tick_context(sessions, slack_api)
    assert tick_pass(ctx, MON_0900_UTC) == PassSummary(due=6, sent=6)

    def no_senders(*args, **kwargs):
        raise AssertionError("sender threads started with nothing to send")

    monkeypatch.setattr(ctx.pool, "send_rows", no_senders)
    assert tick_pass(ctx, MON_0900_UTC + timedelta(minutes=1)) == PassSummary()
