"""A minimal Bolt app, behind a real HTTP server, accepts the helpers' payloads and talks to the stand-in."""

import json
import threading
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from slack_bolt import Ack, App, Respond
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

from bot.slack.standin import SlackStandIn
from bot.slack.standin.requests import (
    block_actions,
    event_callback,
    post_signed,
    slash_command,
    state_value,
    view_submission,
)

SECRET = "roundtrip-secret"


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """The test asserts on what happened; access logs add nothing."""


def _bolt_app(slack_api: SlackStandIn) -> App:
    app = App(
        client=WebClient(token="xoxb-test", base_url=slack_api.base_url),
        signing_secret=SECRET,
        token_verification_enabled=False,
    )

    @app.command("/goals")
    def goals(ack: Ack, respond: Respond, command: dict, client: WebClient) -> None:
        ack()
        respond(text=f"you said {command['text']}")
        client.views_open(
            trigger_id=command["trigger_id"],
            view={
                "type": "modal",
                "callback_id": "goal_new",
                "title": {"type": "plain_text", "text": "New goal"},
                "blocks": [],
            },
        )

    @app.action("checkin")
    def checkin(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        respond(text=f"checked in on {body['actions'][0]['value']}")

    @app.view("goal_new")
    def submit(ack: Ack, view: dict) -> None:
        title = view["state"]["values"]["title"]["value"]["value"]
        if not title:
            ack(response_action="errors", errors={"title": "Say what the goal is"})
        else:
            ack()

    @app.event("app_home_opened")
    def home(event: dict, client: WebClient) -> None:
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    return app


@pytest.fixture
def bot_url(slack_api: SlackStandIn) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, SlackRequestHandler(_bolt_app(slack_api)), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/slack/events"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_slash_command(slack_api: SlackStandIn, bot_url: str) -> None:
    body, content_type = slash_command("list", response_url=slack_api.response_url("cmd"))
    status, _, _ = post_signed(bot_url, body, content_type, SECRET)
    assert status == 200
    [reply] = slack_api.wait_for("response_url")
    assert (reply.path, reply.body["text"]) == ("/response/cmd", "you said list")
    assert slack_api.wait_for("views.open")[0].body["trigger_id"] == "trigger-1"


def test_button_click(slack_api: SlackStandIn, bot_url: str) -> None:
    body, content_type = block_actions("checkin", "G12", response_url=slack_api.response_url("click"))
    assert post_signed(bot_url, body, content_type, SECRET)[0] == 200
    assert slack_api.wait_for("response_url")[0].body["text"] == "checked in on G12"


def test_view_submission_errors_come_back_in_the_ack(bot_url: str) -> None:
    values = {"title": {"value": state_value("plain_text_input", None)}}
    body, content_type = view_submission({"callback_id": "goal_new"}, values)
    status, _, answer = post_signed(bot_url, body, content_type, SECRET)
    assert status == 200
    assert json.loads(answer) == {"response_action": "errors", "errors": {"title": "Say what the goal is"}}


def test_event_callback(slack_api: SlackStandIn, bot_url: str) -> None:
    body, content_type = event_callback({"type": "app_home_opened", "user": "U1", "tab": "home"})
    assert post_signed(bot_url, body, content_type, SECRET)[0] == 200
    assert slack_api.wait_for("views.publish")[0].body["user_id"] == "U1"


def test_bad_signature_is_refused(slack_api: SlackStandIn, bot_url: str) -> None:
    body, content_type = slash_command("list", response_url=slack_api.response_url())
    status, _, _ = post_signed(bot_url, body, content_type, "wrong-secret")
    assert status == 401
