"""response_url posts are recorded like Web API calls and checked like messages."""

from slack_bolt.context.respond import Respond

from bot.slack.standin import SlackStandIn
from tests.standin.kit import section


def test_respond_is_recorded_with_its_path(slack_api: SlackStandIn) -> None:
    url = slack_api.response_url(name="cmd-1")
    assert url == f"http://127.0.0.1:{slack_api.port}/response/cmd-1"
    response = Respond(response_url=url)(
        text="Saved G12", blocks=[section("Saved *G12*")], replace_original=True
    )
    assert (response.status_code, response.body) == (200, "ok")
    [call] = slack_api.wait_for("response_url")
    assert call.path == "/response/cmd-1"
    assert call.body["text"] == "Saved G12"
    assert call.body["blocks"] == [section("Saved *G12*")]
    assert call.body["replace_original"] is True


def test_invalid_blocks_are_refused_like_a_webhook(slack_api: SlackStandIn) -> None:
    response = Respond(response_url=slack_api.response_url())(text="x", blocks=[section("x" * 3001)])
    assert response.status_code == 400
    assert response.body.splitlines()[0] == "invalid_blocks"
    assert "[json-pointer:/blocks/0/text/text]" in response.body
    [rejection] = slack_api.rejections()
    assert rejection.call.method == "response_url" and rejection.error == "invalid_blocks"


def test_message_without_text_or_blocks_is_refused(slack_api: SlackStandIn) -> None:
    response = Respond(response_url=slack_api.response_url())(text="")
    assert (response.status_code, response.body) == (400, "no_text")
