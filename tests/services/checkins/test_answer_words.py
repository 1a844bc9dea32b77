"""The theme words stored with each answer (for the digest's themes): written with it, replaced when
it is edited, and for an anonymous answer keyed by that answer's own id."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.services.checkins.views import AnswerInput, AnswerSource
from models.answers import AnonymousAnswer
from models.reports import AnswerWord
from tests.services.checkins.helpers import answer, make_channel, plan
from tests.services.factories import make_goal

MON = date(2027, 3, 1)
NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


def _channel(sessions, *, anonymous: bool = False) -> None:
    make_goal(sessions, channel_id="C0SHOP")
    make_channel(sessions, {"U1": None, "U2": None, "U3": None}, anonymous=anonymous)
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)


def _words(sessions) -> set[tuple[str, str, bool]]:
    with sessions() as session:
        rows = session.execute(select(AnswerWord.person_key, AnswerWord.word, AnswerWord.anonymous))
        return {(key, word, bool(anonymous)) for key, word, anonymous in rows}


def test_a_named_answer_stores_its_distinct_words_under_its_author(sessions):
    _channel(sessions)
    answer(sessions, "U1", at=NINE, given=AnswerInput(expectations="Refunds, refunds", obstacles="The oven"))
    assert _words(sessions) == {("U1", "refund", False), ("U1", "oven", False)}
    with sessions() as session:
        assert set(session.scalars(select(AnswerWord.local_date))) == {MON}


def test_editing_an_answer_replaces_its_words_and_leaves_others_alone(sessions):
    _channel(sessions)
    answer(sessions, "U2", at=NINE, given=AnswerInput(obstacles="Printer jammed"))
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Printer jammed"))
    answer(sessions, "U1", at=NINE + timedelta(minutes=5), given=AnswerInput(obstacles="Queue at lunch"))
    assert _words(sessions) == {
        ("U2", "printer", False),
        ("U2", "jammed", False),
        ("U1", "queue", False),
        ("U1", "lunch", False),
    }
    # A reply adds to the text; a button changes no text and keeps the words.
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Short staffed"), source=AnswerSource.REPLY)
    answer(sessions, "U1", at=NINE, given=AnswerInput(confidence=2), source=AnswerSource.BUTTON)
    kept = {word for key, word, _ in _words(sessions) if key == "U1"}
    assert kept == {"queue", "lunch", "short", "staffed"}
    answer(sessions, "U1", at=NINE, given=AnswerInput(confidence=3))  # a form without text: no words
    assert {key for key, _, _ in _words(sessions)} == {"U2"}


def test_anonymous_words_are_keyed_by_each_answers_own_id_and_never_merge(sessions):
    _channel(sessions, anonymous=True)
    ids = [
        answer(sessions, user, at=NINE, given=AnswerInput(obstacles="Refund delays")).anonymous_answer_id
        for user in ("U1", "U2")
    ]
    with sessions() as session:
        assert set(session.scalars(select(AnonymousAnswer.id))) == set(ids)
    assert _words(sessions) == {(i, w, True) for i in ids for w in ("refund", "delay")}
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Broken oven"), anonymous_answer_id=ids[0])
    assert _words(sessions) == {
        (ids[0], "broken", True),
        (ids[0], "oven", True),
        (ids[1], "refund", True),
        (ids[1], "delay", True),
    }
    assert not any(key in {"U1", "U2"} for key, _, _ in _words(sessions))
