"""Reading a prompt's Edit button back from Slack: the only place an anonymous answer's id is kept."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from slack_sdk import WebClient

from bot.services.checkins.read_models import MessageRef
from handlers.checkins.receipts import edit_button_of
from handlers.metadata import CheckinButtonValue
from handlers.views.checkin_prompt import Answered, build_answered_prompt

ANSWER_ID = "0123456789abcdef0123456789abcdef"


def _post(client: WebClient, edit_value: str) -> MessageRef:
    answered = Answered(
        edit_value=edit_value, late=False, confidence=None, closes_at=datetime(2027, 3, 2, tzinfo=UTC)
    )
    blocks = [b.to_dict() for b in build_answered_prompt(answered, anonymous=True, tz=ZoneInfo("UTC"))]
    posted = client.chat_postMessage(channel="U1", text="answered", blocks=blocks)
    client.chat_postMessage(channel="U1", text="a later message in the same DM")
    return MessageRef(posted["channel"], posted["ts"])


def test_the_edit_button_of_the_prompt_itself_is_read_back(slack_api):
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url)
    message = _post(client, CheckinButtonValue(d=7, a=ANSWER_ID).dump())
    assert edit_button_of(client, message) == CheckinButtonValue(d=7, a=ANSWER_ID)


def test_no_button_a_bad_value_a_missing_message_or_a_failure_read_as_nothing(slack_api):
    client = WebClient(token="xoxb-test", base_url=slack_api.base_url)
    plain = client.chat_postMessage(channel="U1", text="Time for your check-in")
    assert edit_button_of(client, MessageRef(plain["channel"], plain["ts"])) is None
    tampered = _post(client, "{not json")
    assert edit_button_of(client, tampered) is None
    assert edit_button_of(client, MessageRef(plain["channel"], "1.000001")) is None
    good = _post(client, CheckinButtonValue(d=7, a=ANSWER_ID).dump())
    slack_api.fail_next("conversations.history")
    assert edit_button_of(client, good) is None
