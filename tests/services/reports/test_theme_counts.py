"""Figures read from the period tallies agree with the rule written in Python (`find_themes` over
the period's answers, anonymous ones each their own person and only past the minimum), however
the answers were written and edited."""

import itertools
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.domain.checkins.enums import Category
from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.periods import parse_period_id, week_of
from bot.domain.reports.themes import ThemeAnswer, find_themes, theme_words
from bot.services.checkins.answer_parts import retally_answer_row, row_marks
from bot.services.reports.theme_counts import answered_by_period, category_counts, period_themes
from models.answers import AnonymousAnswer, Answer
from models.checkins import Schedule
from models.theme_tallies import ThemeTally
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
_edits = st.lists(
    st.tuples(st.integers(0, 39), st.none() | _texts, st.none() | st.sampled_from(list(Category)))
)
_channels = itertools.count()
WEEK = week_of(MARCH.start + timedelta(days=9))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=_answers, edits=_edits, minimum=st.integers(3, 8))
def test_tallied_figures_equal_counting_the_answers_in_python(sessions, answers, edits, minimum):
    """Answers written, then some edited: themes, counts by category and answers given, read from
    the tallies, are what the Python rule makes of the answers as they finally stand."""
    schedule_id = _schedule(sessions, minimum)
    rows: list[Answer | AnonymousAnswer] = []
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
            retally_answer_row(session, row, frozenset())
            rows.append(row)
        for index, obstacles, category in edits:
            if index < len(rows):
                row = rows[index]
                before = row_marks(row)
                row.obstacles, row.category = obstacles, category
                retally_answer_row(session, row, before)
        final = [_as_theme_answer(row) for row in rows]
    for period in (MARCH, WEEK):
        inside = [
            (row, theme) for row, theme in zip(rows, final, strict=True) if period.contains(row.local_date)
        ]
        named = [theme for row, theme in inside if isinstance(row, Answer)]
        anonymous = [theme for row, theme in inside if isinstance(row, AnonymousAnswer)]
        if not anonymous_results_visible(len(anonymous), minimum):
            anonymous = []
        categories = Counter(theme.category for theme in named + anonymous if theme.category)
        with sessions() as session:
            assert period_themes(session, TEAM, schedule_id, period, minimum) == find_themes(
                named + anonymous
            )
            assert category_counts(session, TEAM, schedule_id, period, minimum) == dict(categories)
            assert answered_by_period(session, TEAM, schedule_id, [period]) == (
                {period.id: len(inside)} if inside else {}
            )
            assert _stored_people(session, schedule_id, period) == _people(
                [theme for row, theme in inside if isinstance(row, Answer)]
            )


def _stored_people(session, schedule_id: int, period) -> dict[tuple[str, str], int]:
    """Every tally's count of named people, themes or not, left out where it is zero."""
    rows = session.execute(
        select(ThemeTally.kind, ThemeTally.theme, ThemeTally.named_people).where(
            ThemeTally.team_id == TEAM, ThemeTally.schedule_id == schedule_id, ThemeTally.period == period.id
        )
    )
    return {(kind, theme): n for kind, theme, n in rows if n}


def _people(named: list[ThemeAnswer]) -> dict[tuple[str, str], int]:
    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for answer in named:
        people[("answer", "")].add(answer.person_key)
        if answer.category:
            people[("category", str(answer.category))].add(answer.person_key)
        for word in theme_words(answer.text):
            people[("word", word)].add(answer.person_key)
    return {key: len(keys) for key, keys in people.items()}


def _as_theme_answer(row: Answer | AnonymousAnswer) -> ThemeAnswer:
    key = row.user_id if isinstance(row, Answer) else f"anon:{row.id}"
    return ThemeAnswer(key, f"{row.expectations or ''} {row.obstacles or ''}", row.category)


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
