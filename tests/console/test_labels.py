import pytest

from bot.entrypoints.console.labels import label
from bot.entrypoints.console.payloads import Identity
from bot.entrypoints.console.workspace import CONSOLE, Output, Person, Workspace
from bot.slack.standin import SlackStandIn
from tests.console.conftest import FIXED_NOW


@pytest.fixture
def workspace() -> Workspace:
    workspace = Workspace(SlackStandIn(workspace=CONSOLE), timezone="UTC", now=FIXED_NOW)
    workspace.add_channel("general")
    workspace.add_channel("ops")
    workspace.add_person("bob")
    return workspace


YOU = Identity(Person("U_YOU", "you"), "C_GENERAL", "general")


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (Output("message", "C_GENERAL"), "goalbot in #general:"),
        (Output("message", "C_OPS", message={"thread_ts": "1.0"}), "goalbot in #ops (in a thread):"),
        (Output("message", "D_YOU"), "goalbot → you (DM):"),
        (Output("message", "D_BOB"), "goalbot → @bob (DM):"),
        (Output("ephemeral", "C_GENERAL", "U_YOU"), "goalbot (only visible to you):"),
        (Output("ephemeral", "C_OPS", "U_BOB"), "goalbot (only visible to @bob) in #ops:"),
        (Output("update", "C_GENERAL"), "goalbot updated its message in #general:"),
        (
            Output("update", "C_GENERAL", "U_YOU"),
            "goalbot updated its message (only visible to you) in #general:",
        ),
        (Output("delete", "C_OPS"), "(goalbot deleted its message in #ops)"),
        (Output("home", user_id="U_YOU"), "(goalbot updated your Home tab; type :home to see it)"),
        (
            Output("note", note="Slack refused chat.postMessage: no_text"),
            "Slack refused chat.postMessage: no_text",
        ),
    ],
)
def test_each_output_says_who_sees_it_and_where(output, expected, workspace):
    assert label(output, YOU, workspace) == expected
