"""The token source: one token for every workspace (SLACK_BOT_TOKEN today) or one per workspace;
the Sender asks it on every call, so a refreshed token is used from the next call on."""

import pytest

from bot.outbound import Sender, SendFailed, SingleToken, TokenPerWorkspace, WorkspaceGate, single_token
from bot.slack.standin import SlackStandIn


@pytest.fixture
def standin():
    with SlackStandIn() as running:
        yield running


def test_each_workspace_is_sent_with_its_own_token(standin):
    tokens = TokenPerWorkspace({"T1": "xoxb-one", "T2": "xoxb-two"})
    sender = Sender(tokens, WorkspaceGate(1000.0), base_url=standin.base_url)

    sender.post("T1", channel="C1", text="to one")
    sender.post("T2", channel="C1", text="to two")

    used = [call.headers.get("authorization") for call in standin.calls("chat.postMessage")]
    assert used == ["Bearer xoxb-one", "Bearer xoxb-two"]


def test_a_token_refreshed_by_the_source_is_used_from_the_next_call(standin):
    class Rotating:
        def __init__(self) -> None:
            self.current = "xoxb-old"

        def token_for(self, team_id: str) -> str:
            return self.current

    tokens = Rotating()
    sender = Sender(tokens, WorkspaceGate(1000.0), base_url=standin.base_url)
    sender.post("T1", channel="C1", text="before")
    tokens.current = "xoxb-new"
    sender.post("T1", channel="C1", text="after")

    used = [call.headers.get("authorization") for call in standin.calls("chat.postMessage")]
    assert used == ["Bearer xoxb-old", "Bearer xoxb-new"]


def test_one_token_answers_for_every_workspace():
    assert single_token("xoxb-a").token_for("T9") == SingleToken("xoxb-a").token_for("T1") == "xoxb-a"


def test_a_workspace_without_a_token_is_not_sent_to(standin):
    sender = Sender(TokenPerWorkspace({"T1": "xoxb-one"}), WorkspaceGate(1000.0), base_url=standin.base_url)
    with pytest.raises(SendFailed) as failed:
        sender.post("T2", channel="C1", text="nobody installed us here")
    assert (failed.value.error, failed.value.retryable) == ("not_installed", False)
    assert standin.calls("chat.postMessage") == []
