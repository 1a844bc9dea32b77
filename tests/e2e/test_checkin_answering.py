"""Answering a check-in through the real HTTP entry point: the Answer button and its form, the quick
confidence buttons, the prompt updated to "answered ✓" with Edit, late answers, and bad buttons."""

from datetime import timedelta

from sqlalchemy import select

from bot.slack.standin.directory import dm_id
from handlers.ids import ActionId, BlockId, CallbackId, checkin_objective_block_id
from models import Measurement
from models.answers import Answer
from models.followups import FollowUp
from tests.e2e.checkin_helpers import PROMPT_AT, checkin, deliver, dm_messages, schedule
from tests.e2e.helpers import all_text, button_values, fill, opened_view
from tests.fixtures.bot import MEMBER, OWNER

LABELS = (
    "Confidence",
    "What do customers expect of us that we're not delivering?",
    "What's getting in the way?",
    "Category",
    "follow-up",
)


def _answered_prompt(bot_server, user_id: str) -> dict:
    bot_server.standin.wait_for("chat.update")
    return dm_messages(bot_server, user_id)[0]


def _stored(bot_server) -> Answer:
    with bot_server.sessions() as session:
        return session.scalars(select(Answer)).one()


def test_answer_opens_the_form_with_labels_a_person_reads_and_stores_the_answer(bot_server, make_goal):
    goal_id = make_goal()
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    prompt = dm_messages(bot_server, MEMBER)[0]
    assert button_values(prompt["blocks"], ActionId.CHECKIN_ANSWER) == [str(delivery_id)]

    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=MEMBER, channel_id=dm_id(MEMBER))
    view = opened_view(bot_server.standin)
    text = all_text(view)
    assert view["callback_id"] == CallbackId.CHECKIN_ANSWER_MODAL
    assert "not anonymous" in text and "CSAT" in text
    for label in LABELS:
        assert label.lower() in text.lower(), label
    with bot_server.sessions() as session:
        objective_id = _objective(session, goal_id)

    answers = {
        checkin_objective_block_id(objective_id): "81",
        BlockId.CHECKIN_CONFIDENCE: "4",
        BlockId.CHECKIN_EXPECTATIONS: "Faster call-backs",
        BlockId.CHECKIN_CATEGORY: "responsiveness",
        BlockId.CHECKIN_FOLLOW_UP: ["follow_up"],
        BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION: "Mrs Jones, order 1234, wants a refund",
    }
    status, answer = bot_server.submit(view, fill(view, answers), user_id=MEMBER)

    assert status == 200 and not answer, answer
    stored = _stored(bot_server)
    assert (stored.confidence, stored.expectations, stored.category) == (
        4,
        "Faster call-backs",
        "responsiveness",
    )
    assert stored.late is False
    with bot_server.sessions() as session:
        assert session.scalars(select(Measurement.value)).all() == [81]
        assert session.scalars(select(FollowUp.description)).one() == "Mrs Jones, order 1234, wants a refund"
    updated = _answered_prompt(bot_server, MEMBER)
    assert "✓" in all_text(updated)
    assert button_values(updated["blocks"], ActionId.CHECKIN_EDIT) == [str(delivery_id)]


def _objective(session, goal_id: int) -> int:
    from models import Objective

    return session.scalars(select(Objective.id).where(Objective.goal_id == goal_id)).first()


def test_edit_reopens_the_form_prefilled_and_saving_replaces_the_answer(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    bot_server.click(ActionId.CHECKIN_CONFIDENCE_2, str(delivery_id), user_id=MEMBER)
    updated = _answered_prompt(bot_server, MEMBER)
    edit = button_values(updated["blocks"], ActionId.CHECKIN_EDIT)[0]

    bot_server.click(ActionId.CHECKIN_EDIT, edit, user_id=MEMBER)
    view = opened_view(bot_server.standin)
    assert fill(view)[BlockId.CHECKIN_CONFIDENCE]["input"]["selected_option"]["value"] == "2"
    status, answer = bot_server.submit(view, fill(view, {BlockId.CHECKIN_CONFIDENCE: "5"}), user_id=MEMBER)

    assert status == 200 and not answer, answer
    stored = _stored(bot_server)
    assert stored.confidence == 5 and stored.edited_at is not None


def test_a_confidence_button_records_an_answer_without_opening_anything(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    status, _, _ = bot_server.click(ActionId.CHECKIN_CONFIDENCE_3, str(delivery_id), user_id=MEMBER)

    assert status == 200
    updated = _answered_prompt(bot_server, MEMBER)
    assert "✓" in all_text(updated) and "3/5" in all_text(updated)
    assert _stored(bot_server).confidence == 3
    assert bot_server.standin.calls("views.open") == []


def test_an_answer_after_the_window_is_marked_late(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    bot_server.clock.now = PROMPT_AT + timedelta(hours=5)
    bot_server.click(ActionId.CHECKIN_CONFIDENCE_4, str(delivery_id), user_id=MEMBER)

    assert "(late)" in all_text(_answered_prompt(bot_server, MEMBER))
    assert _stored(bot_server).late is True


def test_a_button_after_the_period_closed_says_it_cannot_be_answered(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    bot_server.clock.now = PROMPT_AT + timedelta(hours=25)
    _, _, url = bot_server.click(ActionId.CHECKIN_CONFIDENCE_4, str(delivery_id), user_id=MEMBER)
    bot_server.standin.settle()

    assert "can't be answered any more" in " ".join(all_text(b) for b in bot_server.awaited_replies(url))
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []


def test_someone_elses_stale_or_huge_delivery_id_is_refused_and_nothing_stored(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    for action, value in (
        (ActionId.CHECKIN_ANSWER, str(delivery_id)),  # someone else's
        (ActionId.CHECKIN_CONFIDENCE_1, str(delivery_id)),
        (ActionId.CHECKIN_ANSWER, "999999"),
        (ActionId.CHECKIN_ANSWER, str(10**25)),
        (ActionId.CHECKIN_EDIT, '{"d": 1, "a": "not-hex"}'),
        (ActionId.CHECKIN_CONFIDENCE_5, "abc"),
    ):
        status, _, url = bot_server.click(
            action, value, user_id=OWNER if value == str(delivery_id) else MEMBER
        )
        bot_server.standin.settle()
        assert status == 200
        said = " ".join(all_text(b) for b in bot_server.awaited_replies(url))
        assert "/checkin" in said, (action, value, said)
    assert bot_server.standin.calls("views.open") == []
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []


def test_a_bare_checkin_opens_todays_form_also_when_away(bot_server):
    schedule(bot_server)
    checkin(bot_server, "away 2w", user_id=MEMBER)
    bot_server.clock.now = PROMPT_AT + timedelta(minutes=5)

    checkin(bot_server, "", user_id=MEMBER)
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.CHECKIN_CONFIDENCE: "3"}), user_id=MEMBER)

    assert status == 200 and not answer, answer
    assert _stored(bot_server).confidence == 3
    bot_server.standin.wait_for("chat.postMessage")  # the receipt with its Edit button, in the DM
    assert button_values(dm_messages(bot_server, MEMBER)[0]["blocks"], ActionId.CHECKIN_EDIT)


def test_a_follow_up_without_a_description_is_refused_under_its_field(bot_server):
    schedule(bot_server)
    delivery_id = deliver(bot_server)[MEMBER]
    bot_server.click(ActionId.CHECKIN_ANSWER, str(delivery_id), user_id=MEMBER)
    view = opened_view(bot_server.standin)

    status, answer = bot_server.submit(
        view, fill(view, {BlockId.CHECKIN_FOLLOW_UP: ["follow_up"]}), user_id=MEMBER
    )

    assert status == 200 and BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION in answer["errors"]
    with bot_server.sessions() as session:
        assert session.scalars(select(Answer)).all() == []
