"""The period tallies each answer keeps (for the digest): written with it, moved when it is edited,
and for an anonymous answer counted with no key at all."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.services.checkins.read_models import AnswerInput, AnswerSource
from models.theme_tallies import ThemePerson, ThemeTally
from tests.services.checkins.helpers import answer, make_channel, plan
from tests.services.factories import make_goal

MON = date(2027, 3, 1)
NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


def _channel(sessions, *, anonymous: bool = False) -> None:
    make_goal(sessions, channel_id="C0SHOP")
    make_channel(sessions, {"U1": None, "U2": None, "U3": None}, anonymous=anonymous)
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)


def _tallies(sessions, period: str = "2027-03") -> dict[tuple[str, str], tuple[int, int, int]]:
    """(kind, theme) → (named people, named answers, anonymous answers), where any is non-zero."""
    with sessions() as session:
        rows = session.execute(
            select(
                ThemeTally.kind,
                ThemeTally.theme,
                ThemeTally.named_people,
                ThemeTally.named_answers,
                ThemeTally.anonymous_answers,
            ).where(ThemeTally.period == period)
        )
        return {(kind, theme): tuple(counts) for kind, theme, *counts in rows if any(counts)}


def _people(sessions) -> set[tuple[str, str, str]]:
    with sessions() as session:
        rows = session.execute(select(ThemePerson.person_key, ThemePerson.theme, ThemePerson.period))
        return {tuple(row) for row in rows}


def test_a_named_answer_counts_its_distinct_words_once_in_its_month_and_its_week(sessions):
    _channel(sessions)
    answer(sessions, "U1", at=NINE, given=AnswerInput(expectations="Refunds, refunds", obstacles="The oven"))
    expected = {("answer", ""): (1, 1, 0), ("word", "refund"): (1, 1, 0), ("word", "oven"): (1, 1, 0)}
    assert _tallies(sessions) == expected
    assert _tallies(sessions, "2027-W09") == expected  # Monday 1 March 2027 is in ISO week 9
    assert {key for key, _, _ in _people(sessions)} == {"U1"}


def test_editing_an_answer_moves_its_tallies_and_leaves_others_alone(sessions):
    _channel(sessions)
    answer(sessions, "U2", at=NINE, given=AnswerInput(obstacles="Printer jammed"))
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Printer jammed"))
    answer(sessions, "U1", at=NINE + timedelta(minutes=5), given=AnswerInput(obstacles="Queue at lunch"))
    assert _tallies(sessions) == {
        ("answer", ""): (2, 2, 0),
        ("word", "printer"): (1, 1, 0),
        ("word", "jammed"): (1, 1, 0),
        ("word", "queue"): (1, 1, 0),
        ("word", "lunch"): (1, 1, 0),
    }
    # A reply adds to the text; a button changes no text and keeps the word tallies (its
    # confidence is tallied, for the digest's average).
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Short staffed"), source=AnswerSource.REPLY)
    answer(sessions, "U1", at=NINE, given=AnswerInput(confidence=2), source=AnswerSource.BUTTON)
    kept = {theme for (kind, theme) in _tallies(sessions) if kind == "word"}
    assert kept == {"printer", "jammed", "queue", "lunch", "short", "staffed"}
    assert _tallies(sessions)[("confidence", "2")] == (1, 1, 0)
    answer(sessions, "U1", at=NINE, given=AnswerInput(confidence=3))  # a form without text: no words
    assert _tallies(sessions) == {
        ("answer", ""): (2, 2, 0),
        ("word", "printer"): (1, 1, 0),
        ("word", "jammed"): (1, 1, 0),
        ("confidence", "3"): (1, 1, 0),  # moved from 2: the edit counts once, at its new value
    }
    assert {(key, theme) for key, theme, _ in _people(sessions) if theme} == {
        ("U2", "printer"),
        ("U2", "jammed"),
        ("U1", "3"),
    }


def test_anonymous_answers_are_counted_with_no_key_and_edits_move_their_counts(sessions):
    _channel(sessions, anonymous=True)
    ids = [
        answer(sessions, user, at=NINE, given=AnswerInput(obstacles="Refund delays")).anonymous_answer_id
        for user in ("U1", "U2")
    ]
    assert _tallies(sessions) == {
        ("answer", ""): (0, 0, 2),
        ("word", "refund"): (0, 0, 2),
        ("word", "delay"): (0, 0, 2),
    }
    answer(sessions, "U1", at=NINE, given=AnswerInput(obstacles="Broken oven"), anonymous_answer_id=ids[0])
    assert _tallies(sessions) == {
        ("answer", ""): (0, 0, 2),
        ("word", "refund"): (0, 0, 1),
        ("word", "delay"): (0, 0, 1),
        ("word", "broken"): (0, 0, 1),
        ("word", "oven"): (0, 0, 1),
    }
    assert _people(sessions) == set()  # nothing keyed, not even by the answer's own id
