"""manifest.yml is a valid Slack app manifest whose URLs all reach the one path the bot serves."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.entrypoints.web import SLACK_PATH

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "manifest.yml"
SCHEMA = REPO.parent / "shared" / "slack" / "manifest.schema.1.0.0.json"
CHECKER = REPO / ".ci" / "check_manifest.py"

needs_schema = pytest.mark.skipif(not SCHEMA.exists(), reason=f"Slack's manifest schema is not at {SCHEMA}")


def _check(manifest: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECKER), str(manifest), str(SCHEMA)], capture_output=True, text=True, timeout=60
    )


@needs_schema
def test_manifest_validates_against_slacks_schema():
    result = _check(MANIFEST)

    assert result.returncode == 0, result.stderr


@needs_schema
def test_the_checker_fails_an_invalid_manifest(tmp_path):
    broken = yaml.safe_load(MANIFEST.read_text())
    broken["features"]["slash_commands"][0]["command"] = "goals"  # must start with a slash
    broken["settings"]["surprise"] = True
    path = tmp_path / "manifest.yml"
    path.write_text(yaml.safe_dump(broken))

    result = _check(path)

    assert result.returncode == 1
    assert "features/slash_commands/0/command" in result.stderr
    assert "surprise" in result.stderr


def test_manifest_asks_for_what_the_bot_uses():
    manifest = yaml.safe_load(MANIFEST.read_text())
    features, settings = manifest["features"], manifest["settings"]

    assert manifest["display_information"]["name"] == "goalbot"
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    goals, checkin = features["slash_commands"]
    assert goals["command"] == "/goals" and goals["description"] and goals["usage_hint"]
    assert checkin["command"] == "/checkin" and checkin["description"] and checkin["usage_hint"]
    assert set(manifest["oauth_config"]["scopes"]["bot"]) >= {
        "commands",
        "chat:write",
        "users:read",
        "im:write",
        "channels:read",
        "groups:read",
        "im:history",
        "usergroups:read",
    }
    assert set(settings["event_subscriptions"]["bot_events"]) >= {
        "app_home_opened",
        "member_joined_channel",
        "member_left_channel",
        "user_change",
        "message.im",
    }
    assert settings["interactivity"]["is_enabled"] is True
    events, interactivity = settings["event_subscriptions"], settings["interactivity"]
    urls = [goals["url"], checkin["url"], events["request_url"], interactivity["request_url"]]
    assert all(url.endswith(SLACK_PATH) for url in urls), urls
    assert settings["socket_mode_enabled"] is False


def test_each_scope_is_listed_once():
    manifest = yaml.safe_load(MANIFEST.read_text())

    for kind, scopes in manifest["oauth_config"]["scopes"].items():
        repeated = sorted({scope for scope in scopes if scopes.count(scope) > 1})
        assert not repeated, f"oauth_config.scopes.{kind} lists {repeated} more than once"


@needs_schema
def test_the_checker_fails_a_scope_listed_twice(tmp_path):
    doubled = yaml.safe_load(MANIFEST.read_text())
    doubled["oauth_config"]["scopes"]["bot"].append("chat:write")
    path = tmp_path / "manifest.yml"
    path.write_text(yaml.safe_dump(doubled))

    result = _check(path)

    assert result.returncode == 1
    assert "chat:write is listed more than once" in result.stderr
