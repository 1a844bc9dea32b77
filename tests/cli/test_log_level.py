"""LOG_LEVEL, and the Slack payloads that never reach a log line whatever the level."""

import json
import logging

import pytest
from slack_bolt.logger.messages import warning_unhandled_by_global_middleware, warning_unhandled_request
from slack_bolt.request import BoltRequest

from bot.entrypoints.logs import WITHHELD, withhold_payload, withhold_slack_payloads
from bot.settings import SettingsError, load_settings

REPLY = {
    "type": "event_callback",
    "team_id": "T1",
    "event": {"type": "message", "channel_type": "im", "user": "U_MEMBER", "text": "Refunds are slow O1 82"},
}


@pytest.mark.parametrize(("given", "level"), [(None, "INFO"), ("debug", "DEBUG"), (" Warning ", "WARNING")])
def test_log_level_defaults_to_info_and_takes_any_case(monkeypatch, given, level):
    if given is None:
        monkeypatch.delenv("LOG_LEVEL", raising=False)
    else:
        monkeypatch.setenv("LOG_LEVEL", given)
    assert load_settings().log_level == level


def test_a_bad_log_level_is_refused_in_one_line_naming_the_levels(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value).startswith("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")


def test_bolts_payload_dumps_are_cut_before_any_handler_sees_them(caplog):
    withhold_slack_payloads()
    withhold_slack_payloads()  # a second call keeps one factory
    caplog.set_level(logging.DEBUG)
    request = BoltRequest(body=json.dumps(REPLY), headers={"content-type": ["application/json"]})
    logging.getLogger("slack_bolt.App").warning(warning_unhandled_request(request))
    logging.getLogger("slack_bolt.App").warning(warning_unhandled_by_global_middleware("m", request))
    body = {"channel": "D1", "text": "Refunds are slow", "user": "U_MEMBER"}
    logging.getLogger("slack_sdk.web.base_client").debug(
        "Sending a request - url: https://slack.com/api/chat.update, query_params: {}, json_body: %s", body
    )
    logging.getLogger("bot.entrypoints.app").debug('Responding with status: 200 body: "%s" (3 millis)', body)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 4 and all(WITHHELD in line for line in lines)
    assert not [line for line in lines if "Refunds" in line or "U_MEMBER" in line]
    assert lines[2] == f"Sending a request - url: https://slack.com/api/chat.update {WITHHELD}"


def test_lines_without_a_payload_are_left_alone():
    assert withhold_payload("Running listener: submit ...") == "Running listener: submit ..."
