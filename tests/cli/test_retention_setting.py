"""UNINSTALL_RETENTION_DAYS: days a removed workspace's data is kept, 30 unless set, 0 for at once;
a bad value stops every verb with one line naming it, exit 2."""

import pytest

from bot.settings import SettingsError, load_settings


def test_thirty_days_unless_set_and_zero_is_allowed(monkeypatch):
    monkeypatch.delenv("UNINSTALL_RETENTION_DAYS", raising=False)
    assert load_settings().uninstall_retention_days == 30
    monkeypatch.setenv("UNINSTALL_RETENTION_DAYS", "0")
    assert load_settings().uninstall_retention_days == 0


@pytest.mark.parametrize(
    ("value", "says"),
    [("-1", "must be days from 0"), ("99999", "to 3650"), ("a month", "must be a whole number")],
)
def test_a_bad_value_is_one_line_naming_it(monkeypatch, value, says):
    monkeypatch.setenv("UNINSTALL_RETENTION_DAYS", value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value).startswith("UNINSTALL_RETENTION_DAYS ") and says in str(refused.value)


def test_the_tick_stops_on_it_with_exit_2(run_goalbot, http_env):
    result = run_goalbot("tick", env=http_env | {"UNINSTALL_RETENTION_DAYS": "forever"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["goalbot: UNINSTALL_RETENTION_DAYS must be a whole number."]
