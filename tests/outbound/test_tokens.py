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


def test_a_workspaces_client_is_made_again_only_when_its_token_changes():
    tokens = TokenPerWorkspace({"T1": "xoxb-one", "T2": "xoxb-two"})
    sender = Sender(tokens, WorkspaceGate(1000.0), base_url="http://127.0.0.1:9/api/")
    first = sender.client("T1")
    assert sender.client("T1") is first and first.token == "xoxb-one"
    assert sender.client("T2").token == "xoxb-two"
    sender.tokens = TokenPerWorkspace({"T1": "xoxb-refreshed"})
    assert sender.client("T1").token == "xoxb-refreshed"


def test_one_token_answers_for_every_workspace():
    assert single_token("xoxb-a").token_for("T9") == SingleToken("xoxb-a").token_for("T1") == "xoxb-a"


def test_a_workspace_without_a_token_is_not_sent_to(standin):
    sender = Sender(TokenPerWorkspace({"T1": "xoxb-one"}), WorkspaceGate(1000.0), base_url=standin.base_url)
    with pytest.raises(SendFailed) as failed:
        sender.post("T2", channel="C1", text="nobody installed us here")
    assert (failed.value.error, failed.value.retryable) == ("not_installed", False)
    assert standin.calls("chat.postMessage") == []


def test_a_token_slack_says_expired_makes_the_message_wait_and_is_read_again():
    from datetime import UTC, datetime, timedelta
    from urllib.parse import parse_qs, urlsplit

    from slack_sdk import WebClient

    from bot.slack.standin.oauth import TOKEN_LIFETIME

    now = [datetime(2027, 3, 1, 9, tzinfo=UTC)]
    with SlackStandIn(clock=lambda: now[0]) as standin:
        standin.oauth.register_app("cid", "secret", "http://127.0.0.1:9/back", rotating=True)
        _status, location = standin.oauth.authorize("client_id=cid&scope=chat:write&state=s")
        code = parse_qs(urlsplit(location).query)["code"][0]
        issued = WebClient(base_url=standin.base_url).oauth_v2_access(
            client_id="cid", client_secret="secret", code=code
        )

        class Remembering:
            def __init__(self) -> None:
                self.forgotten: list[str] = []

            def token_for(self, team_id: str) -> str:
                return str(issued["access_token"])

            def forget(self, team_id: str) -> None:
                self.forgotten.append(team_id)

        tokens = Remembering()
        sender = Sender(tokens, WorkspaceGate(1000.0), base_url=standin.base_url)
        now[0] += TOKEN_LIFETIME + timedelta(seconds=1)
        with pytest.raises(SendFailed) as failed:
            sender.post("T1", channel="C1", text="late")

    assert (failed.value.error, failed.value.retryable) == ("token_expired", True)
    assert tokens.forgotten == ["T1"]
