"""The DM prompt: objectives, Answer and 1–5 buttons, the anonymity note, and its answered form."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.spec import Questions
from handlers.ids import ActionId
from handlers.views.blocks import unchecked_dicts
from handlers.views.checkin_prompt import Answered, build_answered_prompt, build_prompt, prompt_text
from tests.handlers.views.factories import make_delivery as delivery
from tests.handlers.views.factories import make_objective
from tests.handlers.views.slack_checks import all_texts, message_dicts

BERLIN = ZoneInfo("Europe/Berlin")


def buttons(blocks: list[dict]) -> list[tuple[str, str, str]]:
    return [
        (e["text"]["text"], e["action_id"], e["value"])
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_the_prompt_has_answer_and_confidence_buttons_carrying_the_delivery():
    blocks = message_dicts(build_prompt(delivery(), tz=BERLIN))
    assert buttons(blocks) == [("Answer", ActionId.CHECKIN_ANSWER, "41")] + [
        (str(n), f"checkin_confidence_{n}", "41") for n in range(1, 6)
    ]
    text = "\n".join(all_texts(blocks))
    assert "For <#C1>:" in text and "answer by Mon 13:00" in text and "until Tue 09:00" in text
    assert "Your name is shown" in text


def test_an_anonymous_prompt_says_so_before_anyone_answers():
    blocks = message_dicts(build_prompt(delivery(anonymous=True), tz=BERLIN))
    assert "Anonymous" in "\n".join(all_texts(blocks))


def test_without_the_confidence_question_there_are_no_score_buttons():
    plain = delivery(questions=Questions(objective_ids=(7,), confidence=False))
    blocks = message_dicts(build_prompt(plain, tz=BERLIN))
    assert [label for label, _, _ in buttons(blocks)] == ["Answer"]


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"anonymous": True, "kind": DeliveryKind.REMINDER, "sequence": 1},
        {"questions": Questions(objective_ids=(7,), confidence=False)},
        {"objectives": tuple(make_objective(current=float(n)) for n in range(10))},  # "and 2 more"
    ],
)
def test_the_prompt_is_sent_as_slack_sdks_validated_to_dict_gives_it(changes):
    """The fan-out sends the prompt through unchecked_dicts (no per-message validation): it must
    be exactly what to_dict(), which refuses invalid Block Kit, gives."""
    blocks = build_prompt(delivery(**changes), tz=BERLIN)
    assert unchecked_dicts(blocks) == [block.to_dict() for block in blocks]


def test_a_reminder_reads_as_one():
    assert "Reminder" in prompt_text(delivery(kind=DeliveryKind.REMINDER, sequence=1))


def test_the_answered_prompt_shows_a_tick_and_an_edit_button():
    answered = Answered("41", late=True, confidence=4, closes_at=datetime(2027, 3, 2, 8, tzinfo=UTC))
    blocks = message_dicts(build_answered_prompt(answered, anonymous=False, tz=BERLIN))
    text = "\n".join(all_texts(blocks))
    assert "answered ✓" in text and "(late)" in text and "4/5" in text
    assert buttons(blocks) == [("Edit", ActionId.CHECKIN_EDIT, "41")]
