import pytest

from tests.fixtures.bot import CHANNEL, OWNER, TEAM


@pytest.fixture
def make_goal(bot_server):
    """Creates a SMART goal through `/goals new` and returns its id."""

    def make(
        text="Raise CSAT from 78 to 85 by 2027-03-31 because churn follows slow support",
        *,
        user_id=OWNER,
        channel_id=CHANNEL,
        team_id=TEAM,
    ) -> int:
        from models import Goal

        status, ack, _ = bot_server.command(
            f"new {text}", user_id=user_id, channel_id=channel_id, team_id=team_id
        )
        assert status == 200, ack
        with bot_server.sessions() as session:
            return max(g.id for g in session.query(Goal).all())

    return make
