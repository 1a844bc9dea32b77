from zoneinfo import ZoneInfo

import pytest

from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext


@pytest.fixture
def tick_context(sessions, slack_api):
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=slack_api.base_url, backoff=0)
    return TickContext(sessions=sessions, sender=sender, default_tz=ZoneInfo("Europe/Berlin"), worker="test")


@pytest.fixture(autouse=True)
def support_channel(slack_api):
    """The channel follow-ups are flagged in: its history is read before a retried post goes again."""
    slack_api.add_channel("C_SUPPORT", name="support")
