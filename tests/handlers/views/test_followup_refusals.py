"""The follow-up refusals' wording (bot/services/followups/refusals.py)."""

import inspect

import pytest

from bot.services.errors import ServiceError
from bot.services.followups import refusals
from handlers.views.refusals import FALLBACK, describe_refusal

REFUSALS = [
    refusals.FollowupNotFound(7),
    refusals.FollowupClosed(7, "resolved", "U0CLOSER"),
    refusals.FollowupTakenByOther(7, "U0OWNER"),
    refusals.NotFollowupOwner(7, "U0OWNER"),
    refusals.FollowupNoteMissing(resolved=True),
    refusals.FollowupDueOutOfRange(9999, 720),
    refusals.FollowupChannelUnknown("#<!here>"),
    refusals.FollowupChannelNotMember("C0RANDOM"),
    refusals.FollowupChannelArchived("C0OLD"),
]


def test_every_follow_up_refusal_has_its_own_words():
    defined = {
        cls
        for _, cls in inspect.getmembers(refusals, inspect.isclass)
        if issubclass(cls, ServiceError) and cls is not ServiceError
    }
    assert {type(r) for r in REFUSALS} == defined
    for refusal in REFUSALS:
        assert describe_refusal(refusal) != FALLBACK, refusal


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda r: type(r).__name__)
def test_a_follow_up_refusal_shows_facts_not_a_sentence(refusal):
    assert str(refusal).startswith(type(refusal).__name__ + "(")


def test_a_closed_follow_up_says_who_closed_it_and_how():
    text = describe_refusal(refusals.FollowupClosed(7, "not_ours", "U0CLOSER"))
    assert "F7" in text and "not ours" in text and "<@U0CLOSER>" in text


def test_a_note_missing_sits_under_the_note_field():
    assert refusals.FollowupNoteMissing(resolved=False).field == "note"


def test_a_channel_refusal_says_exactly_what_to_do_and_never_pings():
    unknown = describe_refusal(refusals.FollowupChannelUnknown("#<!here>"))
    assert "&lt;!here&gt;" in unknown and "<!here>" not in unknown and "`/invite @goalbot`" in unknown
    not_member = describe_refusal(refusals.FollowupChannelNotMember("C0RANDOM"))
    assert "<#C0RANDOM>" in not_member and "`/invite @goalbot`" in not_member
