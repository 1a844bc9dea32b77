"""What can be answered: whose prompt a button is, the form with the answer so far, a stale prompt
refused, and which channel a DM reply or `/checkin` goes to."""

from datetime import date, time, timedelta

import pytest

from bot.services.checkins import answerable, answers, members, schedules
from bot.services.checkins.read_models import (
    AnswerInput,
    AnswerSource,
    CheckinToAnswer,
    MessageRef,
    PersonInfo,
    PromptMessage,
    PromptRef,
)
from bot.services.checkins.refusals import AlreadyAnswered, NoOpenCheckin, UnknownPrompt
from models.checkins import Delivery
from tests.outbound.outbox.helpers import claim_deliveries, mark_delivery_sent
from tests.services.checkins.helpers import (
    CHANNEL,
    DEFAULT_TZ,
    MADE_AT,
    MON_0900_UTC,
    TEAM,
    answer,
    make_channel,
    owner,
    plan,
    spec,
)

MON = date(2027, 3, 1)


def _prompt_id(sessions, user_id: str) -> int:
    with sessions() as session:
        return session.query(Delivery.id).filter(Delivery.user_id == user_id).order_by(Delivery.id).first()[0]


def _form(sessions, user_id: str, **kwargs):
    return answerable.answer_form(
        sessions, team_id=TEAM, user_id=user_id, channel_id=CHANNEL, default_tz=DEFAULT_TZ, **kwargs
    )


@pytest.fixture
def planned(sessions):
    make_channel(sessions, {"U1": None, "U2": None})
    plan(sessions, MON_0900_UTC)
    return sessions


def test_a_prompt_resolves_only_for_the_person_it_was_sent_to(planned):
    prompt_id = _prompt_id(planned, "U1")
    found = answerable.prompt_of(planned, team_id=TEAM, user_id="U1", delivery_id=prompt_id)
    assert (found.channel_id, found.local_date) == (CHANNEL, MON)
    for user_id, team_id, delivery_id in (
        ("U2", TEAM, prompt_id),
        ("U1", "T0THER", prompt_id),
        ("U1", TEAM, 10**25),
    ):
        with pytest.raises(UnknownPrompt):
            answerable.prompt_of(planned, team_id=team_id, user_id=user_id, delivery_id=delivery_id)


def test_the_form_carries_the_answer_so_far(planned):
    assert _form(planned, "U1", now=MON_0900_UTC).answer is None
    answer(planned, "U1", at=MON_0900_UTC, given=AnswerInput(confidence=2, obstacles="Rota"))
    shown = _form(planned, "U1", now=MON_0900_UTC + timedelta(hours=5))
    assert (shown.answer.confidence, shown.answer.obstacles, shown.late) == (2, "Rota", True)


def test_an_old_prompts_date_is_refused_once_another_period_is_open(planned):
    wednesday = MON_0900_UTC + timedelta(days=2, minutes=1)
    with pytest.raises(NoOpenCheckin):
        _form(planned, "U1", now=wednesday, for_date=MON)
    with pytest.raises(NoOpenCheckin):
        answers.record_answer(
            planned,
            team_id=TEAM,
            user_id="U1",
            channel_id=CHANNEL,
            answer=AnswerInput(confidence=3),
            source=AnswerSource.BUTTON,
            now=wednesday,
            default_tz=DEFAULT_TZ,
            for_date=MON,
        )


def test_an_anonymous_form_opens_once_then_only_with_its_answer_id(sessions):
    make_channel(sessions, {"U1": None}, anonymous=True)
    plan(sessions, MON_0900_UTC)
    recorded = answer(sessions, "U1", at=MON_0900_UTC, given=AnswerInput(confidence=5))
    with pytest.raises(AlreadyAnswered):
        _form(sessions, "U1", now=MON_0900_UTC)
    shown = _form(sessions, "U1", now=MON_0900_UTC, anonymous_answer_id=recorded.anonymous_answer_id)
    assert shown.anonymous and shown.answer.confidence == 5


def test_the_answered_prompt_message_is_found_once_the_prompt_was_sent_and_answered(sessions):
    make_channel(sessions, {"U1": None}, anonymous=True)
    plan(sessions, MON_0900_UTC)

    def found(user_id: str = "U1"):
        return answerable.answered_prompt(
            sessions,
            team_id=TEAM,
            user_id=user_id,
            channel_id=CHANNEL,
            now=MON_0900_UTC,
            default_tz=DEFAULT_TZ,
        )

    (sent,) = claim_deliveries(sessions, now=MON_0900_UTC, limit=10, default_tz=DEFAULT_TZ)
    assert found() is None  # not sent yet
    mark_delivery_sent(sessions, sent.id, channel="D1", ts="1.000100", now=MON_0900_UTC)
    assert found() is None  # not answered yet
    answer(sessions, "U1", at=MON_0900_UTC, given=AnswerInput(confidence=5))
    assert found() == PromptMessage(
        PromptRef(sent.id, CHANNEL, MON), MessageRef("D1", "1.000100")
    )
    assert found("U2") is None  # someone else's prompt is never theirs


def test_a_reply_goes_to_the_check_in_opened_last_and_checkin_opens_today_s_where_it_was_typed(sessions):
    make_channel(sessions, {"U1": None})  # 09:00 in CHANNEL
    members.sync_channel_members(sessions, TEAM, "C0TWO", [PersonInfo("U1", None)], MADE_AT)
    later = spec(local_time=time(10, 0))
    schedules.set_schedule(sessions, owner(), channel_id="C0TWO", spec=later, now=MADE_AT)

    def reply_goes_to(at):
        return answerable.channel_to_answer(
            sessions, team_id=TEAM, user_id="U1", now=at, default_tz=DEFAULT_TZ
        )

    def checkin_opens(at, prefer=None):
        return answerable.checkin_to_open(
            sessions, team_id=TEAM, user_id="U1", now=at, default_tz=DEFAULT_TZ, prefer=prefer
        )

    early = MON_0900_UTC - timedelta(hours=1)
    assert reply_goes_to(early) is None  # Friday's periods have closed, Monday's have not opened
    assert checkin_opens(early) == CheckinToAnswer("C0TWO", MON)
    assert checkin_opens(early, prefer=CHANNEL) == CheckinToAnswer(CHANNEL, MON)
    assert reply_goes_to(MON_0900_UTC + timedelta(minutes=30)) == CHANNEL
    assert reply_goes_to(MON_0900_UTC + timedelta(hours=1)) == "C0TWO"
    assert checkin_opens(MON_0900_UTC + timedelta(hours=1), prefer=CHANNEL) == (
        CheckinToAnswer(CHANNEL, MON)
    )
