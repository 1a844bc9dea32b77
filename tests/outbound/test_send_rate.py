"""SEND_RATE_PER_WORKSPACE: messages a second to one workspace, 20 unless set; a bad value is one
line naming it (the CLI's exit 2 is in tests/cli/test_settings_errors.py)."""

import pytest

from bot.entrypoints.tick import build_sender
from bot.settings import SettingsError, load_settings

TOKEN = {"slack_bot_token": "xoxb-test"}


def test_the_rate_is_twenty_a_second_unless_set(monkeypatch):
    monkeypatch.delenv("SEND_RATE_PER_WORKSPACE", raising=False)
    assert build_sender(load_settings(**TOKEN)).gate.rate == 20.0
    monkeypatch.setenv("SEND_RATE_PER_WORKSPACE", "2.5")
    assert build_sender(load_settings(**TOKEN)).gate.rate == 2.5


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("fast", "must be a number, such as 20 or 2.5"),
        ("0", "must be messages a second from 0.1 to 100, not 0"),
        ("-5", "must be messages a second from 0.1 to 100, not -5"),
        ("1000", "must be messages a second from 0.1 to 100, not 1000"),
        ("nan", "must be messages a second from 0.1 to 100, not nan"),
    ],
)
def test_a_bad_rate_is_refused_in_one_line(monkeypatch, given, said):
    monkeypatch.setenv("SEND_RATE_PER_WORKSPACE", given)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value) == f"SEND_RATE_PER_WORKSPACE {said}."
