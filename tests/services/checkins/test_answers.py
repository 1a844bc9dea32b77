"""record_answer: named and anonymous, edits, late answers, replies, buttons, measurements, follow-ups."""

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import MetaData, select

from bot.domain.checkins.enums import Category
from bot.domain.numbers import MAX_MEASUREMENT
from bot.services.checkins import answers
from bot.services.checkins.read_models import AnswerInput, AnswerSource
from bot.services.checkins.refusals import (
    AlreadyAnswered,
    BadConfidence,
    FollowUpNeedsDescription,
    NoOpenCheckin,
    UnknownObjective,
)
from bot.services.checkins.time_off import set_away
from bot.services.errors import MeasurementOutOfRange, TextTooLong
from models.answers import AnonymousFlag, Answer
from models.checkins import Delivery
from models.followups import FollowUp
from models.goals import Measurement
from tests.outbound.outbox.helpers import claim_deliveries
from tests.services.checkins.helpers import CHANNEL, DEFAULT_TZ, TEAM, answer, make_channel, plan
from tests.services.factories import make_goal

MON = date(2027, 3, 1)
NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)
FULL = AnswerInput(
    confidence=4,
    expectations="Faster refunds",
    obstacles="The till crashes",
    category=Category.SERVICE,
    follow_up=True,
    follow_up_description="Mrs Lee's refund",
)


@pytest.fixture
def channel(sessions):
    goal = make_goal(sessions, channel_id="C0SHOP")
    view = make_channel(sessions, {"U1": None, "U2": "Europe/Berlin", "U3": None})
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)
    return view, goal.objectives[0].id


def test_a_named_answer_stores_everything_and_a_measurement_with_its_author(sessions, channel):
    _, objective = channel
    recorded = answer(
        sessions,
        "U1",
        at=NINE + timedelta(minutes=5),
        given=replace(FULL, numbers={objective: 82}),
    )
    assert (recorded.local_date, recorded.late, recorded.edited, recorded.anonymous) == (
        MON,
        False,
        False,
        False,
    )
    with sessions() as session:
        stored = session.scalars(select(Answer)).one()
        assert (stored.user_id, stored.confidence, stored.category) == ("U1", 4, Category.SERVICE)
        measurement = session.scalars(select(Measurement)).one()
        assert (measurement.value, measurement.user_id, measurement.recorded_at) == (
            82,
            "U1",
            NINE + timedelta(minutes=5),
        )
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.author_id, follow_up.answer_id, follow_up.channel_id) == ("U1", stored.id, "C0SHOP")
        assert session.scalar(select(Delivery.answered).where(Delivery.user_id == "U1")) is True


def test_an_edit_replaces_and_a_reply_adds_until_the_period_closes(sessions, channel):
    _, objective = channel
    answer(sessions, "U1", at=NINE, given=AnswerInput(numbers={objective: 80}, confidence=2))
    edited = answer(sessions, "U1", at=NINE + timedelta(hours=5), given=AnswerInput(numbers={objective: 81}))
    replied = answer(
        sessions,
        "U1",
        at=NINE + timedelta(hours=6),
        given=AnswerInput(expectations="Queues"),
        source=AnswerSource.REPLY,
    )
    assert (edited.edited, edited.late) == (True, False)  # the first answer was on time
    assert replied.answer == AnswerInput(numbers={objective: 81}, expectations="Queues")
    with sessions() as session:
        assert [m.value for m in session.scalars(select(Measurement))] == [81]
    # Wednesday's prompt closes Monday's period (24 h cap first): nothing accepted after it.
    with pytest.raises(NoOpenCheckin):
        answer(sessions, "U3", at=NINE + timedelta(hours=24))


def test_late_answers_are_marked_late(sessions, channel):
    assert answer(sessions, "U3", at=NINE + timedelta(hours=4)).late is True


@pytest.mark.parametrize(
    ("given", "refusal", "field"),
    [
        (AnswerInput(confidence=6), BadConfidence, "confidence"),
        (AnswerInput(numbers={999: 1}), UnknownObjective, "objective.999"),
        (AnswerInput(follow_up=True, follow_up_description="  "), FollowUpNeedsDescription, "follow_up"),
        (AnswerInput(expectations="x" * 3001), TextTooLong, "expectations"),
        (AnswerInput(obstacles="y" * 3001), TextTooLong, "obstacles"),
        (AnswerInput(follow_up_description="z" * 3001), TextTooLong, "follow_up"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(sessions, channel, given, refusal, field):
    with pytest.raises(refusal) as refused:
        answer(sessions, "U1", at=NINE, given=given)
    assert refused.value.field == field
    with sessions() as session:
        assert session.scalars(select(Answer)).all() == []


def _anonymous_channel(sessions):
    goal = make_goal(sessions, channel_id="C0SHOP")
    make_channel(sessions, {"U1": None, "U2": None, "U3": None, "U0AWAY": None}, anonymous=True)
    set_away(sessions, team_id=TEAM, user_id="U0AWAY", until=MON, now=NINE)
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)
    return goal.objectives[0].id


def test_an_anonymous_answer_is_answered_once_and_edited_only_with_its_id(sessions):
    objective = _anonymous_channel(sessions)
    first = answer(sessions, "U1", at=NINE, given=AnswerInput(numbers={objective: 80}, confidence=3))
    with pytest.raises(AlreadyAnswered):
        answer(sessions, "U1", at=NINE, given=AnswerInput(confidence=5), source=AnswerSource.BUTTON)
    edited = answer(
        sessions,
        "U1",
        at=NINE,
        given=AnswerInput(confidence=5),
        source=AnswerSource.BUTTON,
        anonymous_answer_id=first.anonymous_answer_id,
    )
    assert (edited.edited, edited.answer.confidence, edited.answer.numbers) == (True, 5, {objective: 80})
    # Someone away got no prompt, answers anyway, and cannot answer twice.
    answer(sessions, "U0AWAY", at=NINE)
    with pytest.raises(AlreadyAnswered):
        answer(sessions, "U0AWAY", at=NINE)
    with sessions() as session:  # its number waits for the day's close (test_anonymous_close.py)
        assert session.scalars(select(Measurement)).all() == []


def _every_row(engine) -> dict[str, set[tuple[str, ...]]]:
    """Every row of every table in the database (reflected, so a table added later is included)."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: {tuple(repr(value) for value in row) for row in connection.execute(select(table))}
            for name, table in metadata.tables.items()
        }


def test_an_anonymous_answer_cannot_be_traced_to_its_author(sessions, engine, caplog):
    objective = _anonymous_channel(sessions)
    author, moment = "U2", NINE + timedelta(minutes=17, seconds=23)
    caplog.set_level(logging.DEBUG)
    before = _every_row(engine)
    recorded = answer(
        sessions,
        author,
        at=moment,
        given=AnswerInput(
            numbers={objective: 84}, expectations="Refunds", follow_up=True, follow_up_description="A refund"
        ),
    )
    after = _every_row(engine)
    created = {name: after[name] - before.get(name, set()) for name in after}
    assert {name for name, rows in created.items() if rows} == {
        "anonymous_answers",
        "anonymous_answer_numbers",  # no measurement yet: its number counts at the day's close
        "anonymous_flags",  # its follow-up, held until its post may go out
        "checkin_deliveries",  # the author's own prompt row, now answered=True
        "theme_tallies",  # counts for the month and the week, with no key at all
    }
    assert {row for row in created["theme_tallies"] if "'refund'" in row}  # its word was counted
    assert not any(recorded.anonymous_answer_id in " ".join(row) for row in created["theme_tallies"])
    times_of_day = ("09:17", "9, 17", "17:23", "17, 23")
    for name, rows in created.items():
        for row in rows:
            text = " ".join(row)
            assert not any(clue in text for clue in times_of_day), (name, row)
            if name != "checkin_deliveries":
                assert author not in text, (name, row)
    (prompt_row,) = created["checkin_deliveries"]
    assert prompt_row in {tuple(r) for r in after["checkin_deliveries"]}
    assert recorded.anonymous_answer_id is not None
    assert not any(recorded.anonymous_answer_id in " ".join(row) for row in after["checkin_deliveries"])
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert author not in logged and recorded.anonymous_answer_id not in logged


def test_an_anonymous_follow_up_unflagged_then_flagged_again_on_an_edit_is_stored_once(sessions):
    _anonymous_channel(sessions)
    flagged = AnswerInput(confidence=3, follow_up=True, follow_up_description="Mrs Lee's refund")
    first = answer(sessions, "U1", at=NINE, given=flagged)
    for given in (AnswerInput(confidence=3), flagged):  # the edit form cannot show the flag: no link
        answer(sessions, "U1", at=NINE, given=given, anonymous_answer_id=first.anonymous_answer_id)
    with sessions() as session:  # held, with no author or answer link, until its post may go out
        assert session.scalars(select(FollowUp)).all() == []
        [held] = session.scalars(select(AnonymousFlag)).all()
        assert held.description == "Mrs Lee's refund"


@pytest.mark.parametrize("anonymous", [False, True])
def test_a_follow_up_description_without_the_tick_flags_a_follow_up(sessions, anonymous):
    if anonymous:
        _anonymous_channel(sessions)
    else:
        make_goal(sessions, channel_id="C0SHOP")
        make_channel(sessions, {"U1": None})
        plan(sessions, NINE)
    given = AnswerInput(confidence=3, follow_up=False, follow_up_description=" Mr Ode's broken till ")
    recorded = answer(sessions, "U1", at=NINE, given=given)
    flagged = (recorded.answer.follow_up, recorded.answer.follow_up_description)
    assert flagged == (True, "Mr Ode's broken till")
    held = AnonymousFlag.description if anonymous else FollowUp.description  # anonymous: held
    with sessions() as session:
        assert session.scalars(select(held)).all() == ["Mr Ode's broken till"]


def test_text_at_the_limit_is_kept_whole_and_one_character_more_is_refused_not_cut(sessions, channel):
    kept = answer(sessions, "U1", at=NINE, given=AnswerInput(expectations="a" * 3000))
    assert kept.answer.expectations == "a" * 3000
    with pytest.raises(TextTooLong) as refused:  # a second reply would make the answer 3,002 long
        answer(sessions, "U1", at=NINE, given=AnswerInput(expectations="b"), source=AnswerSource.REPLY)
    assert (refused.value.limit, refused.value.length, refused.value.field) == (3000, 3002, "expectations")
    with sessions() as session:
        assert session.scalars(select(Answer.expectations)).one() == "a" * 3000


@pytest.mark.parametrize("anonymous", [False, True])
def test_answering_before_the_prompt_time_answers_todays_check_in_and_its_prompt_is_not_sent(
    sessions, anonymous
):
    make_goal(sessions, channel_id="C0SHOP")
    make_channel(sessions, {"U1": None, "U2": None}, anonymous=anonymous)
    seven = NINE - timedelta(hours=2)
    plan(sessions, seven)

    def early(given: AnswerInput, **kwargs):
        return answers.record_answer(
            sessions,
            team_id=TEAM,
            user_id="U1",
            channel_id=CHANNEL,
            answer=given,
            source=AnswerSource.FORM,
            now=seven,
            default_tz=DEFAULT_TZ,
            for_date=MON,
            **kwargs,
        )

    with pytest.raises(NoOpenCheckin):  # a reply (no date) answers an open period only
        answer(sessions, "U1", at=seven)
    recorded = early(AnswerInput(confidence=4, expectations="Faster refunds"))
    assert (recorded.local_date, recorded.late, recorded.prompt_message) == (MON, False, None)
    if anonymous:
        with pytest.raises(AlreadyAnswered):
            early(AnswerInput(confidence=2))
        early(AnswerInput(confidence=2), anonymous_answer_id=recorded.anonymous_answer_id)  # its Edit
    else:
        assert early(AnswerInput(confidence=2)).edited
    plan(sessions, NINE)
    sent = claim_deliveries(sessions, now=NINE, limit=10, default_tz=DEFAULT_TZ)
    assert [d.user_id for d in sent] == ["U2"]  # U1 answered: no prompt for something already answered
    with sessions() as session:
        mine = session.scalars(select(Delivery).where(Delivery.user_id == "U1")).one()
        assert (mine.local_date, mine.answered, mine.sent_at, mine.message_ts) == (MON, True, None, None)
    after_the_prompt = NINE + timedelta(minutes=5)
    if anonymous:  # as after any answer: only the Edit button (in the person's DM) finds it
        with pytest.raises(AlreadyAnswered):
            answer(sessions, "U1", at=after_the_prompt)
    else:
        later = answer(sessions, "U1", at=after_the_prompt, given=AnswerInput(confidence=5))
        assert (later.local_date, later.edited, later.late) == (MON, True, False)


@pytest.mark.parametrize("source", [AnswerSource.FORM, AnswerSource.REPLY])
def test_a_number_past_the_measurement_limit_is_refused_from_a_form_or_a_dm_reply(sessions, channel, source):
    _, objective = channel
    with pytest.raises(MeasurementOutOfRange) as refused:
        answer(sessions, "U1", at=NINE, given=AnswerInput(numbers={objective: 1e25}), source=source)
    assert (refused.value.field, refused.value.limit) == (f"objective.{objective}", MAX_MEASUREMENT)
    with sessions() as session:
        assert session.scalars(select(Answer)).all() == []
        assert session.scalars(select(Measurement)).all() == []
