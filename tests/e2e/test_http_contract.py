"""POST /slack/events as Slack calls it: signatures, retries, rate limits and junk."""

import json
import time

from handlers.ids import BlockId, CallbackId
from models import Goal
from tests import slack_requests as slack
from tests.e2e.helpers import all_text, count
from tests.fixtures.bot import SIGNING_SECRET


def test_a_bad_signature_or_a_stale_timestamp_gets_401_and_does_nothing(bot_server):
    body, content_type = slack.slash_command(
        "new Raise CSAT from 78 to 85 by 2027-03-31 because churn",
        team_id="T1",
        user_id="U_OWNER",
        channel_id="C1",
        response_url=bot_server.standin.response_url("x"),
        trigger_id="t",
    )
    url = bot_server.url + "/slack/events"
    status, _, _ = slack.post_signed(url, body, content_type, "not-the-secret")
    assert status == 401
    status, _, _ = slack.post_signed(
        url, body, content_type, SIGNING_SECRET, timestamp=int(time.time()) - 6 * 60
    )
    assert status == 401
    assert count(bot_server.sessions, Goal) == 0
    status, _, _ = slack.post_signed(url, body, content_type, SIGNING_SECRET)
    assert status == 200 and count(bot_server.sessions, Goal) == 1


def test_a_retried_event_delivery_has_no_second_side_effect(bot_server):
    event = {"type": "app_home_opened", "user": "U_OWNER", "tab": "home", "channel": "D1"}
    status, _, _ = bot_server.event(event, event_id="Ev42")
    assert status == 200
    bot_server.standin.wait_for("views.publish")
    status, _, _ = bot_server.event(
        event, event_id="Ev42", headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert status == 200
    time.sleep(0.5)  # give a wrongly-run listener time to publish again
    assert len(bot_server.standin.calls("views.publish")) == 1


def test_home_tab_shows_my_goals_and_survives_a_rate_limit(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"focus G{goal_id}")
    bot_server.standin.rate_limit_next("views.publish", retry_after=1)
    bot_server.event({"type": "app_home_opened", "user": "U_OWNER", "tab": "home", "channel": "D1"})
    published = bot_server.standin.wait_for("views.publish", count=2, timeout=10)
    view = published[-1].body["view"]
    assert view["type"] == "home"
    assert f"G{goal_id}" in all_text(view) and "CSAT" in all_text(view)


def test_junk_bodies_never_get_a_500(bot_server):
    url = bot_server.url + "/slack/events"
    for body, content_type in (
        (b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        (b'{"type": "block_actions"}', "application/json"),
        (b"\xff\xfe\x00garbage", "application/octet-stream"),
        (
            b"payload="
            + json.dumps(
                {
                    "type": "view_submission",
                    "team": {"id": "T1"},
                    "user": {"id": "U1"},
                    "view": {
                        "callback_id": CallbackId.GOAL_MODAL,
                        "private_metadata": "{]",
                        "state": {"values": {}},
                    },
                }
            ).encode(),
            "application/x-www-form-urlencoded",
        ),
    ):
        status, _, raw = slack.post_signed(url, body, content_type, SIGNING_SECRET)
        assert status < 500, (body, status, raw)
    assert count(bot_server.sessions, Goal) == 0


def test_a_tampered_private_metadata_gets_an_inline_error(bot_server):
    view = {
        "id": "V1",
        "callback_id": CallbackId.GOAL_MODAL,
        "private_metadata": '{"mode": "sideways"}',
        "blocks": [
            {
                "type": "input",
                "block_id": BlockId.GOAL_TITLE,
                "element": {"type": "plain_text_input", "action_id": "input"},
                "label": {"type": "plain_text", "text": "Title"},
            }
        ],
    }
    status, answer = bot_server.submit(view, {})
    assert status == 200 and answer["response_action"] == "errors"
    assert count(bot_server.sessions, Goal) == 0
