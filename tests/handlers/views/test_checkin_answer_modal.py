"""The check-in form's labels, as a person reads them, and reading it back."""

from datetime import UTC, date, datetime

from bot.domain.checkins.enums import Category
from bot.domain.checkins.spec import Questions
from bot.services.checkins.read_models import AnswerForm, AnswerInput
from bot.slack.standin.requests import fill as submitted_values
from handlers.ids import BlockId, checkin_objective_block_id
from handlers.metadata import CheckinAnswerMeta
from handlers.views.checkin_answer_form import read_answer_form
from handlers.views.checkin_answer_modal import build_answer_modal
from tests.handlers.views.factories import make_objective
from tests.handlers.views.slack_checks import all_texts, view_dict


def form(**changes) -> AnswerForm:
    fields = dict(
        channel_id="C1",
        local_date=date(2027, 3, 1),
        anonymous=False,
        questions=Questions(),
        objectives=(make_objective(), make_objective(id=9, ref="O9", metric="Repeat orders", unit=None)),
        answer=None,
        late=False,
        closes_at=datetime(2027, 3, 2, 8, tzinfo=UTC),
        tz="Europe/Berlin",
        delivery_id=41,
        anonymous_answer_id=None,
    )
    return AnswerForm(**{**fields, **changes})


META = CheckinAnswerMeta(channel_id="C1", local_date="2027-03-01", delivery_id=41, objective_ids=[7, 9])


def labels(view: dict) -> list[str]:
    return [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]


def test_inputs_are_labelled_as_a_person_reads_them():
    view = view_dict(build_answer_modal(form(), META))
    assert labels(view) == [
        "CSAT score (O7)",
        "Repeat orders (O9)",
        "Confidence (1–5) that we reach our goals",
        "What do customers expect of us that we're not delivering?",
        "What's getting in the way?",
        "Category",
        "Follow-up",
        "Follow-up: who is the customer and what do they need?",
    ]
    assert "One customer needs a follow-up" in all_texts(view)
    assert all(b.get("optional") for b in view["blocks"] if b["type"] == "input")


def test_it_says_first_whether_it_is_anonymous():
    named = view_dict(build_answer_modal(form(), META))
    anonymous = view_dict(build_answer_modal(form(anonymous=True), META))
    assert "not anonymous" in all_texts(named["blocks"][0])[0]
    assert "This check-in is anonymous" in all_texts(anonymous["blocks"][0])[0]


def test_questions_switched_off_are_not_asked_and_late_is_said():
    view = view_dict(
        build_answer_modal(form(questions=Questions(category=False, follow_up=False), late=True), META)
    )
    assert "Category" not in labels(view) and "Follow-up" not in labels(view)
    assert any("late" in text for text in all_texts(view))


def test_an_earlier_answer_prefills_the_form_and_reads_back_the_same():
    earlier = AnswerInput(
        numbers={7: 81.5},
        confidence=4,
        expectations="Faster call-backs",
        obstacles=None,
        category=Category.SERVICE,
        follow_up=True,
        follow_up_description="Order 1234",
    )
    view = view_dict(build_answer_modal(form(answer=earlier), META))
    answer, errors = read_answer_form(submitted_values(view), [7, 9])
    assert errors == {} and answer == earlier


def test_unreadable_or_huge_numbers_are_errors_under_their_objective():
    values = {
        checkin_objective_block_id(7): {"input": {"type": "number_input", "value": "1e30"}},
        checkin_objective_block_id(9): {"input": {"type": "number_input", "value": "lots"}},
        BlockId.CHECKIN_CONFIDENCE: {"input": {"type": "static_select", "selected_option": {"value": "12"}}},
    }
    answer, errors = read_answer_form(values, [7, 9])
    assert set(errors) == {checkin_objective_block_id(7), checkin_objective_block_id(9)}
    assert answer.confidence is None
