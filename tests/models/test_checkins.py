"""What the check-in tables enforce: the outbox key, one schedule per channel, never fewer than 3
anonymous answers shown, cascades, and anonymity by construction."""

import re
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import Date, DateTime, Engine, delete, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import Category, DeliveryKind, DeliveryState, FollowUpStatus
from models import (
    AnonymousAnswer,
    AnonymousAnswerNumber,
    Answer,
    AnswerNumber,
    Delivery,
    FollowUp,
    Holiday,
    Person,
    Schedule,
)

TEAM = "T0001"
NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
MONDAY = date(2027, 3, 1)
ANONYMOUS_TABLES = ("anonymous_answers", "anonymous_answer_numbers")


def _schedule(channel_id: str = "C1", **changes) -> Schedule:
    fields = dict(
        team_id=TEAM,
        channel_id=channel_id,
        owner_id="U1",
        audience_id=channel_id,
        weekdays="mon,wed,fri",
        local_time=time(9, 0),
        created_at=NOW,
        starts_at=NOW,
    )
    return Schedule(**(fields | changes))


def _prompt(schedule: Schedule, user_id: str = "U2", local_date: date = MONDAY, **changes) -> Delivery:
    fields = dict(team_id=TEAM, user_id=user_id, local_date=local_date, scheduled_at=NOW)
    return Delivery(schedule_id=schedule.id, **(fields | changes))


def _stored_schedule(sessions: sessionmaker[Session], **changes) -> Schedule:
    with sessions.begin() as session:
        schedule = _schedule(**changes)
        session.add(schedule)
    return schedule


def test_a_schedule_has_the_products_defaults(sessions: sessionmaker[Session]) -> None:
    schedule = _stored_schedule(sessions)
    with sessions() as session:
        stored = session.get_one(Schedule, schedule.id)
        assert (stored.window_minutes, stored.reminder_count, stored.reminder_after_minutes) == (240, 1, 120)
        assert (stored.anonymous, stored.min_answers, stored.active) == (False, 3, True)
        assert stored.objective_ids == [] and stored.excluded_user_ids == []
        assert stored.local_time == time(9, 0)


def test_the_outbox_holds_one_prompt_per_schedule_person_and_local_date(
    sessions: sessionmaker[Session],
) -> None:
    schedule = _stored_schedule(sessions)
    with sessions.begin() as session:
        session.add_all(
            [
                _prompt(schedule),
                _prompt(schedule, user_id="U3"),
                _prompt(schedule, local_date=date(2027, 3, 3)),
                _prompt(schedule, kind=DeliveryKind.REMINDER, sequence=1),
                _prompt(schedule, kind=DeliveryKind.REMINDER, sequence=2),
            ]
        )

    for duplicate in (_prompt(schedule), _prompt(schedule, kind=DeliveryKind.REMINDER, sequence=1)):
        with pytest.raises(IntegrityError), sessions.begin() as session:
            session.add(duplicate)

    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 5
        first = session.scalars(select(Delivery).order_by(Delivery.id)).first()
        assert first is not None
        assert (first.kind, first.sequence, first.state, first.attempts, first.answered) == (
            DeliveryKind.PROMPT,
            0,
            DeliveryState.PENDING,
            0,
            False,
        )


def test_one_schedule_per_channel(sessions: sessionmaker[Session]) -> None:
    _stored_schedule(sessions)
    _stored_schedule(sessions, channel_id="C2")
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(_schedule())


@pytest.mark.parametrize("min_answers", [2, 0, -1])
def test_anonymous_results_never_need_fewer_than_three_answers(
    sessions: sessionmaker[Session], min_answers: int
) -> None:
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(_schedule(anonymous=True, min_answers=min_answers))


def test_one_holiday_per_team_and_day_and_one_person_per_team_and_user(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as session:
        session.add(Holiday(team_id=TEAM, day=date(2026, 12, 25), name="Christmas"))
        session.add(Holiday(team_id="T0002", day=date(2026, 12, 25), name="Christmas"))
        session.add(Person(team_id=TEAM, user_id="U1", tz="Europe/Berlin", refreshed_at=NOW))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Holiday(team_id=TEAM, day=date(2026, 12, 25), name="Again"))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Person(team_id=TEAM, user_id="U1", tz=None, refreshed_at=NOW))


def test_one_named_answer_per_person_and_period(sessions: sessionmaker[Session]) -> None:
    schedule = _stored_schedule(sessions)
    with sessions.begin() as session:
        session.add(
            Answer(team_id=TEAM, schedule_id=schedule.id, user_id="U2", local_date=MONDAY, answered_at=NOW)
        )
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(
            Answer(team_id=TEAM, schedule_id=schedule.id, user_id="U2", local_date=MONDAY, answered_at=NOW)
        )


@pytest.mark.parametrize("how", ["orm", "sql"])
def test_deleting_a_schedule_takes_its_outbox_and_answers_and_keeps_follow_ups(
    sessions: sessionmaker[Session], how: str
) -> None:
    schedule = _stored_schedule(sessions)
    with sessions.begin() as session:
        delivery = _prompt(schedule)
        session.add(delivery)
        session.flush()
        answer = Answer(
            team_id=TEAM,
            schedule_id=schedule.id,
            delivery_id=delivery.id,
            user_id="U2",
            local_date=MONDAY,
            answered_at=NOW,
            confidence=4,
            category=Category.SERVICE,
        )
        session.add(answer)
        session.flush()
        session.add(AnswerNumber(team_id=TEAM, answer_id=answer.id, objective_id=7, value=82))
        anonymous = AnonymousAnswer(team_id=TEAM, schedule_id=schedule.id, local_date=MONDAY, confidence=2)
        session.add(anonymous)
        session.flush()
        session.add(AnonymousAnswerNumber(team_id=TEAM, answer_id=anonymous.id, objective_id=7, value=80))
        session.add(
            FollowUp(
                team_id=TEAM,
                channel_id="C1",
                schedule_id=schedule.id,
                local_date=MONDAY,
                description="Mrs Diaz waits for a refund",
                answer_id=answer.id,
                author_id="U2",
                created_at=NOW,
            )
        )

    with sessions.begin() as session:
        if how == "orm":
            session.delete(session.get_one(Schedule, schedule.id))
        else:
            session.execute(delete(Schedule).where(Schedule.id == schedule.id))

    with sessions() as session:
        counts = {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Delivery, Answer, AnswerNumber, AnonymousAnswer, AnonymousAnswerNumber)
        }
        assert counts == dict.fromkeys(counts, 0)
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.schedule_id, follow_up.answer_id, follow_up.status) == (
            None,
            None,
            FollowUpStatus.OPEN,
        )
        assert follow_up.description == "Mrs Diaz waits for a refund"


def test_an_anonymous_follow_up_needs_no_author_and_no_time(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.add(FollowUp(team_id=TEAM, channel_id="C1", local_date=MONDAY, description="Call back"))
    with sessions() as session:
        stored = session.scalars(select(FollowUp)).one()
        assert (stored.author_id, stored.answer_id, stored.created_at, stored.owner_id) == (
            None,
            None,
            None,
            None,
        )


# Anonymity, checked on the migrated schema itself (what is really in the database).

PERSONAL = re.compile(r"user|author|owner|person|delivery|message|ts$|_at$|time|created|updated|answered")


@pytest.mark.parametrize("table", ANONYMOUS_TABLES)
def test_anonymous_tables_have_no_column_that_names_a_person_a_delivery_or_a_time(
    engine: Engine, table: str
) -> None:
    columns = inspect(engine).get_columns(table)
    assert [column["name"] for column in columns if PERSONAL.search(column["name"])] == []
    assert [column["name"] for column in columns if isinstance(column["type"], DateTime)] == []
    dates = [column["name"] for column in columns if isinstance(column["type"], Date)]
    assert dates == (["local_date"] if table == "anonymous_answers" else [])


@pytest.mark.parametrize("table", ANONYMOUS_TABLES)
def test_anonymous_tables_link_only_to_the_schedule_or_to_each_other(engine: Engine, table: str) -> None:
    targets = {fk["referred_table"] for fk in inspect(engine).get_foreign_keys(table)}
    assert targets <= {"checkin_schedules", "anonymous_answers"}


def test_no_table_links_to_an_anonymous_answer_except_its_numbers(engine: Engine) -> None:
    inspector = inspect(engine)
    linking = {
        table
        for table in inspector.get_table_names()
        for fk in inspector.get_foreign_keys(table)
        if fk["referred_table"] == "anonymous_answers"
    }
    assert linking == {"anonymous_answer_numbers"}


def test_anonymous_answer_ids_are_random_not_a_sequence(sessions: sessionmaker[Session]) -> None:
    schedule = _stored_schedule(sessions)
    with sessions.begin() as session:
        answers = [
            AnonymousAnswer(team_id=TEAM, schedule_id=schedule.id, local_date=MONDAY) for _ in range(20)
        ]
        session.add_all(answers)
    ids = [answer.id for answer in answers]
    assert all(re.fullmatch(r"[0-9a-f]{32}", answer_id) for answer_id in ids)
    assert len(set(ids)) == 20
    # Insertion order must not be readable from the ids (a 1-in-20! chance of a false alarm).
    assert ids != sorted(ids)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_senders_claim_different_deliveries_with_skip_locked(sessions: sessionmaker[Session]) -> None:
    schedule = _stored_schedule(sessions)
    with sessions.begin() as session:
        session.add_all([_prompt(schedule, user_id=f"U{i}") for i in range(3)])

    claim = (
        select(Delivery.id)
        .where(Delivery.state == DeliveryState.PENDING, Delivery.scheduled_at <= NOW)
        .order_by(Delivery.scheduled_at, Delivery.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    with sessions.begin() as first, sessions.begin() as second:
        claimed = [first.scalars(claim).one(), second.scalars(claim).one()]
    assert len(set(claimed)) == 2
