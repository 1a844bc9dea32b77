"""The biggest digest we can make (many goals with long titles, many long answers) still passes
the stand-in's Block Kit checks, and says what it left out ("…and N more")."""

from datetime import UTC, date, datetime

from bot.domain.enums import Direction, GoalLevel, GoalStatus
from bot.domain.reports.periods import parse_period_id
from bot.services.reports.digests import channel_digest
from handlers.reports.posting import post_digest
from models.goals import Goal, Objective
from tests.handlers.reports.quarter import tick_context
from tests.services.factories import CHANNEL, OWNER, TEAM
from tests.services.reports import seed

NOW = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)
GOALS = 1200  # far past what four thread messages of 48 sections can name


def test_the_biggest_digest_passes_block_kit_and_names_what_it_left_out(sessions, slack_api):
    slack_api.add_channel(CHANNEL, name="shop")
    with sessions.begin() as session:
        for number in range(GOALS):
            goal = Goal(
                team_id=TEAM,
                title=f"Goal {number} " + "w" * 190,
                owner_id=OWNER,
                channel_id=CHANNEL,
                level=GoalLevel.ANNUAL,
                start_date=date(2027, 1, 1),
                due_date=date(2027, 12, 31),
                status=GoalStatus.ACTIVE,
                created_at=NOW,
            )
            goal.objectives = [
                Objective(
                    team_id=TEAM,
                    metric="m" * 100,
                    unit="u" * 30,
                    baseline=1,
                    target=1e12,
                    direction=Direction.UP,
                    due_date=date(2027, 12, 31),
                )
                for _ in range(4)
            ]
            session.add(goal)
    schedule_id = seed.schedule(sessions)
    for person in range(40):
        seed.named(
            sessions,
            schedule_id,
            date(2027, 3, 3),
            f"U{person}",
            "x" * 3000 + f" staffing{person}",
            "quality",
        )
    found = channel_digest(
        sessions,
        team_id=TEAM,
        channel_id=CHANNEL,
        period=parse_period_id("2027-03"),
        today=NOW.date(),
        zone="UTC",
        now=NOW,
    )
    sender = tick_context(sessions, slack_api).sender
    post_digest(lambda method, **args: sender.call(TEAM, method, **args), found)
    assert not slack_api.rejections()
    posted = slack_api.calls("chat.postMessage")
    assert all(len(c.body["blocks"]) <= 50 for c in posted)
    text = " ".join(str(c.body["blocks"]) for c in posted)
    assert "more goals and objectives" in text
    assert slack_api.uploads()[0].data
