"""Bad input tried from outside, through the HTTP entry point: never a 404, 500 or half-stored row."""

import json
from urllib.parse import parse_qs, urlencode

import pytest

from handlers.ids import ActionId, BlockId, CallbackId
from models import Goal, Measurement, Objective, Strategy
from tests import slack_requests as slack
from tests.e2e.helpers import all_text, count, fill, opened_view
from tests.fixtures.bot import OWNER

HUGE_ID = 10**25


def without(body: bytes, *keys: str) -> bytes:
    """A form-encoded slash command body with some fields removed."""
    fields = {k: v[0] for k, v in parse_qs(body.decode()).items() if k not in keys}
    return urlencode(fields).encode()


def interactive_without(body: bytes, *keys: str) -> bytes:
    payload = json.loads(parse_qs(body.decode())["payload"][0])
    for key in keys:
        payload.pop(key, None)
    return urlencode({"payload": json.dumps(payload)}).encode()


@pytest.mark.parametrize("missing", ["user_id", "trigger_id", "response_url", "team_id"])
def test_a_command_missing_a_field_is_answered_200_not_404(bot_server, missing):
    body, content_type = slack.slash_command(
        "edit G1", team_id="T1", user_id=OWNER, channel_id="C1", response_url="http://127.0.0.1:1/x"
    )

    status, _, raw = bot_server.post(without(body, missing), content_type, timeout=10)

    assert status == 200, raw


@pytest.mark.parametrize("missing", ["user", "trigger_id", "response_url", "team"])
def test_a_click_missing_a_field_is_answered_200_not_404(bot_server, make_goal, missing):
    goal_id = make_goal()
    body, content_type = slack.block_actions(
        ActionId.EDIT_GOAL.value, str(goal_id), user_id=OWNER, response_url="http://127.0.0.1:1/x"
    )

    status, _, raw = bot_server.post(interactive_without(body, missing), content_type, timeout=10)

    assert status == 200, raw


def test_a_submission_without_a_user_is_answered_200(bot_server):
    view = {"callback_id": CallbackId.STRATEGY_MODAL.value, "private_metadata": json.dumps({"goal_id": 1})}
    body, content_type = slack.view_submission(view, {})

    status, _, raw = bot_server.post(interactive_without(body, "user"), content_type, timeout=10)

    assert status == 200, raw


def test_a_huge_id_in_private_metadata_is_an_out_of_date_form(bot_server):
    view = {
        "callback_id": CallbackId.STRATEGY_MODAL.value,
        "private_metadata": json.dumps({"goal_id": HUGE_ID}),
    }
    values = {BlockId.STRATEGY_TITLE.value: {"input": slack.state_value("plain_text_input", "Call back")}}

    status, ack = bot_server.submit(view, values, user_id=OWNER)

    assert status == 200
    assert ack["response_action"] == "errors"
    assert "out of date" in all_text(ack["errors"])


@pytest.mark.parametrize("value", [str(HUGE_ID), "-1", "G1", ""])
def test_a_button_with_a_junk_value_says_it_is_out_of_date(bot_server, value):
    status, _, _ = bot_server.click(ActionId.SHOW_GOAL.value, value)

    assert status == 200
    assert "out of date" in all_text(bot_server.standin.wait_for("response_url")[0].body)


def test_a_huge_goal_id_in_a_command_is_an_unknown_id(bot_server):
    status, ack, _ = bot_server.command("show G100000000000000000000000")

    assert status == 200
    assert "can't find goal G100000000000000000000000" in all_text(ack)


def test_show_with_two_ids_says_it_takes_one(bot_server):
    status, ack, _ = bot_server.command("show G1 G2")

    assert status == 200
    assert "one goal id" in all_text(ack)


def test_nul_bytes_in_a_note_are_stripped(bot_server, make_goal):
    make_goal()
    with bot_server.sessions() as session:
        objective_id = session.query(Objective).one().id

    status, ack, _ = bot_server.command(f"update O{objective_id} 80 after\x00 the rota")

    assert status == 200, ack
    with bot_server.sessions() as session:
        assert session.query(Measurement).one().note == "after the rota"


def test_nul_bytes_in_a_form_are_stripped(bot_server, make_goal):
    goal_id = make_goal()
    view = {
        "callback_id": CallbackId.STRATEGY_MODAL.value,
        "private_metadata": json.dumps({"goal_id": goal_id}),
    }
    values = {BlockId.STRATEGY_TITLE.value: {"input": slack.state_value("plain_text_input", "Call\x00 back")}}

    status, ack = bot_server.submit(view, values, user_id=OWNER)

    assert status == 200 and ack is None, ack
    with bot_server.sessions() as session:
        assert session.query(Strategy).one().title == "Call back"


def test_a_100kb_title_sent_past_the_form_is_refused_with_the_limit(bot_server):
    bot_server.command("new")
    view = opened_view(bot_server.standin)
    title = "Raise CSAT " + "very " * 20_000

    status, ack = bot_server.submit(view, fill(view, {BlockId.GOAL_TITLE.value: title}))

    assert status == 200
    assert ack["response_action"] == "errors"
    assert "the limit is 150" in ack["errors"][BlockId.GOAL_TITLE.value]
    assert count(bot_server.sessions, Goal) == 0


def test_a_due_date_in_year_9999_is_refused(bot_server):
    status, ack, _ = bot_server.command("new Raise CSAT from 78 to 85 by 9999-12-30 because churn")

    assert status == 200
    assert "time-bound" in all_text(ack)
    assert count(bot_server.sessions, Goal) == 0
