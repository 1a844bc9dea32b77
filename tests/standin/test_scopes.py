"""The stand-in grants the manifest's bot scopes and refuses other calls as Slack does (missing_scope)."""

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import MANIFEST_PATH, SlackStandIn, bot_scopes
from handlers.home import my_channels


def test_the_manifest_scopes_are_read_from_the_repository_file() -> None:
    scopes = bot_scopes(MANIFEST_PATH)
    assert {"commands", "chat:write", "users:read"} <= scopes


def test_a_manifest_path_can_be_given(tmp_path) -> None:
    manifest = tmp_path / "manifest.yml"
    manifest.write_text("oauth_config:\n  scopes:\n    bot:\n      - chat:write\n")
    with SlackStandIn(manifest=manifest) as standin:
        assert standin.scopes == {"chat:write"}


def test_a_call_needing_a_scope_the_app_lacks_names_needed_and_provided() -> None:
    with SlackStandIn(scopes={"chat:write", "channels:read"}) as standin:
        standin.add_user("U1", channels=("C1", "G2"))
        client = WebClient(token="xoxb-t", base_url=standin.base_url)
        with pytest.raises(SlackApiError) as refused:
            client.users_conversations(user="U1", types="public_channel,private_channel")
        assert refused.value.response.data == {
            "ok": False,
            "error": "missing_scope",
            "needed": "groups:read",
            "provided": "channels:read,chat:write",
        }
        [rejection] = standin.rejections()
        assert rejection.error == "missing_scope" and "groups:read" in rejection.reasons[0]
        assert client.users_conversations(user="U1", types="public_channel")["channels"][0]["id"] == "C1"


@pytest.mark.parametrize(
    ("method", "args", "needed"),
    [
        ("users.info", {"user": "U1"}, "users:read"),
        ("conversations.history", {"channel": "C1"}, "channels:history"),
        ("conversations.history", {"channel": "D1"}, "im:history"),
        ("conversations.members", {"channel": "G1"}, "groups:read"),
        ("usergroups.users.list", {"usergroup": "S1"}, "usergroups:read"),
        ("files.getUploadURLExternal", {"filename": "a.csv", "length": 3}, "files:write"),
        ("conversations.open", {"users": "U1"}, "im:write"),
    ],
)
def test_each_method_needs_the_scope_its_reference_page_names(method, args, needed) -> None:
    with SlackStandIn(scopes=set()) as standin, pytest.raises(SlackApiError) as refused:
        WebClient(token="xoxb-t", base_url=standin.base_url).api_call(method, params=args)
    assert refused.value.response["error"] == "missing_scope"
    assert refused.value.response["needed"] == needed


def test_the_home_tab_asks_only_for_channels_the_manifest_lets_it_list() -> None:
    with SlackStandIn() as standin:
        standin.add_user("U1", channels=("C1",))
        standin.add_channel("G2", members=("U1",))
        channels = my_channels(WebClient(token="xoxb-t", base_url=standin.base_url), "U1")
        assert channels == {"C1", "G2"}
        assert standin.rejections() == []
