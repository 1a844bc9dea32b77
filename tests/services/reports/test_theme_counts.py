"""Themes counted in SQL (answer_words) agree with the rule written in Python (`find_themes` over
the period's answers, anonymous ones each their own person and only past the minimum)."""

import itertools
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.checkins.enums import Category
from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.periods import parse_period_id
from bot.domain.reports.themes import ThemeAnswer, find_themes
from bot.services.checkins.answer_store import replace_answer_words
from bot.services.reports.theme_counts import period_themes
from models.answers import AnonymousAnswer, Answer
from models.checkins import Schedule
from tests.services.factories import OWNER, TEAM
from tests.services.reports import seed

MARCH = parse_period_id("2027-03")
AT = datetime(2027, 3, 1, 8, tzinfo=UTC)
VOCABULARY = (
    "Refunds", "refund", "delays", "delay", "status", "process", "the", "till", "queue's", "Queues",
    "café", "CAFÉ", "naïve", "x" * 41, "y" * 40, "oat", "lunch", "LUNCH", "printer-jammed", "don’t",
    "customers", "analysis", "ovens", "Oven",
)  # fmt: skip
_texts = st.lists(
    st.sampled_from(VOCABULARY) | st.text(alphabet="abcdeéß ’'-S", max_size=12), max_size=6
).map(" ".join)
_answers = st.lists(
    st.tuples(
        st.sampled_from(["U1", "U2", "U3", "U4", "U5", None]),  # None: anonymous
        st.integers(-3, 33),  # days from March 1st: some fall outside the month
        st.none() | _texts,
        st.none() | _texts,
        st.none() | st.sampled_from(list(Category)),
    ),
    max_size=40,
)
_channels = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=_answers, minimum=st.integers(3, 8))
def test_sql_themes_equal_the_python_rule(sessions, answers, minimum):
    schedule_id = _schedule(sessions, minimum)
    named, anonymous = [], []
    with sessions.begin() as session:
        seen = set()
        for user, offset, expectations, obstacles, category in answers:
            day = MARCH.start + timedelta(days=offset)
            if user is not None and (user, day) in seen:
                continue  # one named answer per person and day
            seen.add((user, day))
            fields = dict(
                team_id=TEAM,
                schedule_id=schedule_id,
                local_date=day,
                expectations=expectations,
                obstacles=obstacles,
                category=category,
            )
            row = Answer(user_id=user, answered_at=AT, **fields) if user else AnonymousAnswer(**fields)
            session.add(row)
            session.flush()
            replace_answer_words(session, row)
            if MARCH.contains(day):
                theme = ThemeAnswer(
                    user or f"anon:{row.id}", f"{expectations or ''} {obstacles or ''}", category
                )
                (named if user else anonymous).append(theme)
    if not anonymous_results_visible(len(anonymous), minimum):
        anonymous = []
    with sessions() as session:
        found = period_themes(session, TEAM, schedule_id, MARCH, minimum)
    assert found == find_themes(named + anonymous)


def test_anonymous_words_count_only_once_the_minimum_answered(sessions):
    schedule_id = seed.schedule(sessions, anonymous=True, min_answers=4)
    for _ in range(3):
        seed.anonymous(sessions, schedule_id, date(2027, 3, 2), "refund delays")
    with sessions() as session:
        assert period_themes(session, TEAM, schedule_id, MARCH, 4) == []
    seed.anonymous(sessions, schedule_id, date(2027, 3, 3), "the printer")
    with sessions() as session:
        assert [(t.label, t.people) for t in period_themes(session, TEAM, schedule_id, MARCH, 4)] == [
            ("delay", 3),
            ("refund", 3),
        ]


def test_a_person_repeating_a_word_all_month_counts_once(sessions):
    schedule_id = seed.schedule(sessions)
    for day in range(1, 20):
        seed.named(sessions, schedule_id, date(2027, 3, day), "U1", "printer jammed")
    seed.named(sessions, schedule_id, date(2027, 3, 2), "U2", "printer jammed")
    with sessions() as session:
        assert period_themes(session, TEAM, schedule_id, MARCH, 3) == []
    seed.named(sessions, schedule_id, date(2027, 3, 2), "U3", "printer")
    with sessions() as session:
        assert [(t.label, t.people) for t in period_themes(session, TEAM, schedule_id, MARCH, 3)] == [
            ("printer", 3)
        ]


def _schedule(sessions, minimum: int) -> int:
    with sessions.begin() as session:
        row = Schedule(
            team_id=TEAM,
            channel_id=f"C{next(_channels):06d}",
            owner_id=OWNER,
            audience_id="C0",
            weekdays="mon",
            local_time=time(9),
            anonymous=False,
            min_answers=minimum,
            created_at=AT,
            starts_at=AT,
        )
        session.add(row)
        session.flush()
        return row.id
