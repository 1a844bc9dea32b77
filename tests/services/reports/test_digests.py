"""A channel's digest from SQL aggregates: progress, participation and its trend, categories,
quotes (anonymous ones only above the minimum), themes across people, follow-ups."""

from datetime import UTC, date, datetime, timedelta

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.reports.periods import parse_period_id
from bot.services.reports.digests import channel_digest, remember_digest
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
    assert march.series and [v for _, v in march.series[0].actual] == [82, 84]


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
