"""A channel's digest from SQL aggregates: progress, participation and its trend, categories,
quotes (anonymous ones only above the minimum), themes across people, follow-ups."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.reports.periods import parse_period_id
from bot.services.checkins.answer_parts import retally_answer_row, row_marks
from bot.services.reports.digests import channel_digest, remember_digest
from models.answers import Answer
from models.followups import POST_KEY, FollowUp, FollowupMessage
from models.goals import Measurement
from tests.services.factories import CHANNEL, TEAM, make_goal, row
from tests.services.reports import seed

MARCH = parse_period_id("2027-03")
NOW = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)
SET_UP = date(2026, 12, 20)


def digest(sessions, period=MARCH, now=NOW):
    return channel_digest(
        sessions, team_id=TEAM, channel_id=CHANNEL, period=period, today=now.date(), zone="UTC", now=now
    )


def measure(sessions, objective_id: int, day: date, value: float) -> None:
    with sessions.begin() as session:
        session.add(
            Measurement(
                team_id=TEAM,
                objective_id=objective_id,
                value=value,
                user_id="U1",
                recorded_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
                recorded_on=day,
            )
        )


def test_progress_uses_values_as_of_the_periods_end_and_change_since_the_last_digest(sessions):
    goal = make_goal(
        sessions, row("CSAT", 80, 90, "%"), start=date(2027, 1, 1), due=date(2027, 12, 31), today=SET_UP
    )
    objective_id = goal.objectives[0].id
    measure(sessions, objective_id, date(2027, 2, 10), 82)
    measure(sessions, objective_id, date(2027, 3, 10), 84)
    measure(sessions, objective_id, date(2027, 4, 10), 89)  # after March: not in March's digest
    february = digest(sessions, parse_period_id("2027-02"), datetime(2027, 3, 1, 9, tzinfo=UTC))
    remember_digest(sessions, team_id=TEAM, channel_id=CHANNEL, digest=february.digest, now=NOW)
    march = digest(sessions)
    objective = next(r for r in march.digest.rows.shown if not r.is_goal)
    assert objective.current == 84 and objective.progress_percent == 40 and objective.change_points == 20
    # The chart covers March: its line starts at the value measured last before March.
    [panel] = march.chart.panels
    assert (march.chart.start, march.chart.end) == (date(2027, 3, 1), date(2027, 4, 1))
    assert panel.actual == ((date(2027, 3, 1), 82), (date(2027, 3, 10), 84))


def test_the_chart_puts_the_objectives_most_behind_first(sessions):
    ahead = make_goal(
        sessions, row("CSAT", 80, 90, "%"), start=date(2027, 1, 1), due=date(2027, 12, 31), today=SET_UP
    )
    behind = make_goal(
        sessions, row("Reviews", 0, 100), start=date(2027, 1, 1), due=date(2027, 12, 31), today=SET_UP
    )
    unmeasured = make_goal(
        sessions, row("NPS", 10, 40), start=date(2027, 1, 1), due=date(2027, 12, 31), today=SET_UP
    )
    measure(sessions, ahead.objectives[0].id, date(2027, 3, 10), 89)
    measure(sessions, behind.objectives[0].id, date(2027, 3, 10), 5)
    found = digest(sessions)
    panels = found.chart.panels
    assert [p.label.split(" · ")[1] for p in panels] == ["Reviews", "CSAT", "NPS"]
    assert [p.status.value for p in panels] == ["at risk", "on track", "no data"]
    rows = {r.label: r.status for r in found.digest.rows.shown if not r.is_goal}
    assert all(rows[p.label] is p.status for p in panels)  # the chart's colours say what the rows say
    assert not panels[2].actual and panels[2].pace  # nothing measured: only the pace line
    assert unmeasured.objectives


def test_confidence_per_period_with_an_edit_and_the_anonymous_minimum(sessions):
    make_goal(sessions, today=SET_UP)
    named_id = seed.schedule(sessions)
    weeks = [MARCH.end - timedelta(weeks=n) for n in (3, 2, 1, 0)]
    for day, scores in zip(weeks, ([3, 3, 4], [4, 3], [], [5, 4, 4, 2]), strict=True):
        for n, score in enumerate(scores):
            seed.named(sessions, named_id, day, f"U{n}", "fine", confidence=score)
    with sessions.begin() as session:  # U3 edits this week's answer from 2 to 5
        answer = session.scalars(select(Answer).where(Answer.user_id == "U3")).one()
        before = row_marks(answer)
        answer.confidence = 5
        retally_answer_row(session, answer, before)
    trend = digest(sessions, parse_period_id("2027-W13")).digest.confidence
    assert [p.average for p in trend.periods] == [pytest.approx(10 / 3), 3.5, None, 4.5]
    assert (trend.current, trend.previous) == (4.5, 3.5)


def test_anonymous_confidence_shows_only_in_periods_that_met_the_minimum(sessions):
    make_goal(sessions, today=SET_UP)
    schedule_id = seed.schedule(sessions, anonymous=True, min_answers=3)
    few, enough = date(2027, 3, 24), date(2027, 3, 31)
    for score in (1, 2):
        seed.anonymous(sessions, schedule_id, few, "x", confidence=score)
    for score in (4, 4, 5):
        seed.anonymous(sessions, schedule_id, enough, "x", confidence=score)
    trend = digest(sessions, parse_period_id("2027-W13")).digest.confidence
    assert [p.average for p in trend.periods] == [None, None, None, pytest.approx(13 / 3)]
    assert trend.previous is None  # the week with two answers shows nothing, not even 1.5
    assert digest(sessions, parse_period_id("2027-W12")).digest.confidence.current is None


def test_participation_per_period_with_its_trend_and_categories(sessions):
    make_goal(sessions, today=SET_UP)
    schedule_id = seed.schedule(sessions)
    people = [f"U{i}" for i in range(10)]
    for weeks_back, answering in ((3, 9), (2, 8), (1, 6), (0, 4)):
        day = MARCH.end - timedelta(weeks=weeks_back)
        seed.prompts(sessions, schedule_id, day, people)
        for person in people[:answering]:
            seed.named(sessions, schedule_id, day, person, "slow delivery again", "service")
    found = digest(sessions, parse_period_id("2027-W13"))
    rates = [p.rate for p in found.digest.participation.periods]
    assert rates == [0.9, 0.8, 0.6, 0.4] and found.digest.participation.trend.value == "falling"
    assert dict(found.digest.categories)["service"] == 4
    themes = {t.label: t.people for t in found.digest.themes.shown}
    assert themes["service"] == 4 and themes["delivery"] == 4


def test_anonymous_quotes_show_only_when_at_least_the_minimum_answered(sessions):
    make_goal(sessions, today=SET_UP)
    schedule_id = seed.schedule(sessions, anonymous=True, min_answers=4)
    few, many = date(2027, 3, 10), date(2027, 3, 17)
    for text in ("the till keeps crashing", "queue too long"):
        seed.anonymous(sessions, schedule_id, few, text)
    for text in ("stock ran out", "great feedback", "printer broken", "more staff at lunch"):
        seed.anonymous(sessions, schedule_id, many, text)
    quotes = digest(sessions).digest.quotes
    shown = {q.text for q in quotes.quotes.shown} | set()
    assert quotes.withheld == 2
    assert "the till keeps crashing" not in shown and "queue too long" not in shown
    assert all(q.answered_on == many for q in quotes.quotes.shown) and quotes.quotes.total == 4


def test_followups_opened_resolved_and_overdue_in_the_period(sessions):
    make_goal(sessions, today=SET_UP)
    due = datetime(2027, 3, 20, tzinfo=UTC)
    seed.followup(sessions, date(2027, 3, 5), due_at=due)  # open, overdue by the month's end
    seed.followup(
        sessions,
        date(2027, 3, 6),
        due_at=due,
        status=FollowUpStatus.RESOLVED,
        resolved_at=datetime(2027, 3, 8, tzinfo=UTC),
    )
    seed.followup(
        sessions,
        date(2027, 2, 6),
        due_at=datetime(2027, 2, 8, tzinfo=UTC),
        status=FollowUpStatus.NOT_OURS,
        resolved_at=datetime(2027, 3, 2, tzinfo=UTC),
    )
    counts = digest(sessions).digest.followups
    assert (counts.opened, counts.resolved, counts.overdue) == (2, 2, 1)


def test_anonymous_followups_count_only_once_posted_and_only_for_days_that_met_the_minimum(sessions):
    make_goal(sessions, today=SET_UP)
    schedule_id = seed.schedule(sessions, anonymous=True)
    few, enough, unposted = date(2027, 3, 3), date(2027, 3, 4), date(2027, 3, 5)
    for day, answers in ((few, 2), (enough, 3), (unposted, 3)):
        for n in range(answers):
            seed.anonymous(sessions, schedule_id, day, f"answer {n}")
        seed.followup(sessions, day, author_id=None, schedule_id=schedule_id)
    with sessions.begin() as session:
        for followup in session.scalars(select(FollowUp).where(FollowUp.local_date != unposted)):
            session.add(
                FollowupMessage(
                    team_id=TEAM, follow_up_id=followup.id, key=POST_KEY, state="sent", not_before=NOW
                )
            )
    assert digest(sessions).digest.followups.opened == 1  # the day that met the minimum, posted
