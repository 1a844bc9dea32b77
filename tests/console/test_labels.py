from zoneinfo import ZoneInfo

import pytest

from bot.entrypoints.console.labels import label
from bot.entrypoints.console.payloads import Identity
from bot.entrypoints.console.workspace import Output, Workspace
from tests.console.conftest import FIXED_NOW


@pytest.fixture
def workspace() -> Workspace:
    workspace = Workspace(timezone=ZoneInfo("UTC"), clock=lambda: FIXED_NOW)
    workspace.add_channel("general")
    workspace.add_channel("ops")
    return workspace


YOU = Identity(
    Workspace(timezone=ZoneInfo("UTC"), clock=lambda: FIXED_NOW).add_person("you"), "C_GENERAL", "general"
)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (Output("message", "C_GENERAL"), "goalbot in #general:"),
        (Output("message", "C_OPS", message={"thread_ts": "1.0"}), "goalbot in #ops (in a thread):"),
        (Output("message", "D_YOU"), "goalbot in your DM:"),
        (Output("message", "D_BOB"), "goalbot in @bob's DM:"),
        (Output("ephemeral", "C_GENERAL", "U_YOU"), "goalbot (only visible to you):"),
        (Output("ephemeral", "C_OPS", "U_BOB"), "goalbot (only visible to @bob) in #ops:"),
        (Output("update", "C_GENERAL"), "goalbot updated its message in #general:"),
        (
            Output("update", "C_GENERAL", "U_YOU"),
            "goalbot updated its message (only visible to you) in #general:",
        ),
        (Output("delete", "C_OPS"), "(goalbot deleted its message in #ops)"),
        (Output("home", user_id="U_YOU"), "(goalbot updated your Home tab; type :home to see it)"),
        (Output("note", note="hello"), "(console: hello)"),
    ],
)
def test_each_output_says_who_sees_it_and_where(output, expected, workspace):
    assert label(output, YOU, workspace) == expected
