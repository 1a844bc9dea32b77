"""A person who leaves the workspace (`user_change` with deleted: true) is no longer asked, while
everyone else is; the answers they gave stay theirs, attributed by Slack user id alone (goalbot
stores no name, email or profile for them)."""

from datetime import timedelta

import pytest
from sqlalchemy import inspect, select

from bot.entrypoints.tick import run_passes
from bot.services.checkins import members
from bot.slack.standin import SlackStandIn
from handlers.checkins.delivery import tick_pass as checkin_pass
from models.answers import Answer
from tests.handlers.checkins.delivery_setup import TOKEN, add_channel, dms, tick_context
from tests.services.checkins.helpers import CHANNEL, MADE_AT, MON_0900_UTC, TEAM, PersonInfo, answer

STAYS, LEAVES = "U0STAYS", "U0LEAVES"


@pytest.fixture
def slack():
    with SlackStandIn(tokens=[TOKEN]) as running:
        yield running


def test_a_person_who_left_is_not_asked_and_their_answers_stay_attributed_by_id(sessions, slack):
    add_channel(sessions, slack, CHANNEL, {STAYS: "UTC", LEAVES: "UTC"}, made_at=MADE_AT)
    ctx = tick_context(sessions, slack)
    friday = MON_0900_UTC - timedelta(days=3)
    run_passes(ctx, friday, (("checkins", checkin_pass),))
    answer(sessions, LEAVES, at=friday + timedelta(minutes=5))
    assert dms(slack, [STAYS, LEAVES]) == {STAYS: 1, LEAVES: 1}

    left = members.person_changed(
        sessions, team_id=TEAM, info=PersonInfo(LEAVES, "UTC", deleted=True), now=friday + timedelta(days=1)
    )
    run_passes(ctx, MON_0900_UTC, (("checkins", checkin_pass),))

    assert left
    assert dms(slack, [STAYS, LEAVES]) == {STAYS: 2, LEAVES: 1}  # Monday's prompt: only who stayed
    with sessions() as session:
        assert session.scalars(select(Answer.user_id)).all() == [LEAVES]
    columns = {column.key for column in inspect(Answer).columns}
    assert not columns & {"name", "real_name", "display_name", "email"}
