from datetime import date

from bot.domain.enums import Direction, PaceStatus
from bot.domain.reports.digest import build_digest
from bot.domain.reports.digest_inputs import (
    DigestInputs,
    DigestLimits,
    FollowupCounts,
    GoalFigures,
    ObjectiveFigures,
)
from bot.domain.reports.participation import PeriodParticipation, Trend
from bot.domain.reports.periods import period_for
from bot.domain.reports.quotes import QuoteCandidate
from bot.domain.reports.themes import Theme

MARCH = period_for("2027-03", date(2027, 3, 31))
START, DUE = date(2027, 1, 1), date(2027, 12, 31)


def objective(oid: int, current: float | None, previous: float | None = None, **extra) -> ObjectiveFigures:
    fields = dict(baseline=0.0, target=100.0, start=START, due=DUE) | extra
    return ObjectiveFigures(oid, f"metric {oid}", current=current, previous=previous, **fields)


def inputs(**extra) -> DigestInputs:
    return DigestInputs(period=MARCH, today=date(2027, 4, 2), **extra)


def test_rows_show_progress_change_and_the_weakest_child_rolls_up():
    # At the end of March about 25% is expected.
    # Due at the end of June, about half is expected by the end of March: 2% is off track.
    child = GoalFigures(2, "H1 push", objectives=(objective(3, 2.0, due=date(2027, 6, 30)),))
    goal = GoalFigures(
        1, "Raise CSAT", objectives=(objective(1, 30.0, 20.0), objective(2, 26.0)), children=(child,)
    )
    digest = build_digest(inputs(goals=[goal]))
    rows = digest.rows.shown
    assert [(r.label, r.depth, r.is_goal) for r in rows] == [
        ("Raise CSAT", 0, True),
        ("metric 1", 1, False),
        ("metric 2", 1, False),
        ("H1 push", 1, True),
        ("metric 3", 2, False),
    ]
    assert [r.progress_percent for r in rows] == [28, 30, 26, 2, 2]
    assert [r.change_points for r in rows] == [10, 10, None, None, None]
    assert rows[1].status is PaceStatus.ON_TRACK
    assert rows[3].status is PaceStatus.OFF_TRACK
    assert rows[0].status is PaceStatus.OFF_TRACK  # the sub-goal's weakness rolls up
    assert digest.status is PaceStatus.OFF_TRACK


def test_a_downward_objective_and_no_data():
    churn = objective(1, 4.0, baseline=5.0, target=3.0, direction=Direction.DOWN)
    empty = objective(2, None)
    digest = build_digest(inputs(goals=[GoalFigures(1, "Cut churn", objectives=(churn, empty))]))
    assert [r.progress_percent for r in digest.rows.shown] == [50, 50, None]
    assert digest.rows.shown[2].status is PaceStatus.NO_DATA


def test_rows_are_cut_to_the_size_given_with_the_rest_counted():
    goals = [GoalFigures(n, f"goal {n}", objectives=(objective(n, 50.0),)) for n in range(30)]
    digest = build_digest(inputs(goals=goals), DigestLimits(rows=10))
    assert len(digest.rows.shown) == 10
    assert digest.rows.more == 50


def test_participation_rate_and_trend():
    periods = [PeriodParticipation(f"p{n}", answered, 10) for n, answered in enumerate([4, 5, 6, 8])]
    digest = build_digest(inputs(participation=periods))
    assert digest.participation.current.rate == 0.8
    assert digest.participation.trend is Trend.RISING


def test_categories_are_listed_in_order_with_zeros():
    digest = build_digest(inputs(categories={"service": 4, "pricing": 1, "quality": 2}))
    assert digest.categories == (
        ("quality", 2),
        ("service", 4),
        ("responsiveness", 0),
        ("communication", 0),
        ("other", 0),
        ("pricing", 1),
    )


def test_anonymous_quotes_show_only_when_the_minimum_answered():
    def anon(text: str, answered: int) -> QuoteCandidate:
        return QuoteCandidate(text, date(2027, 3, 3), anonymous=True, period_answers=answered, minimum=3)

    named = QuoteCandidate("Queues at lunch", date(2027, 3, 3), False, 1, 3, author_key="U1")
    quotes = [anon("hidden one", 2), anon("shown one", 3), named, anon("also shown", 5), anon("cut", 4)]
    digest = build_digest(inputs(quotes=quotes), DigestLimits(quotes=2))
    assert [q.text for q in digest.quotes.quotes.shown] == ["shown one", "Queues at lunch"]
    assert digest.quotes.quotes.more == 2
    assert digest.quotes.withheld == 1


def test_themes_and_followups_pass_through_cut():
    themes = [Theme(f"word{n}", False, 3) for n in range(7)]
    counts = FollowupCounts(opened=3, resolved=1, overdue=2)
    digest = build_digest(inputs(themes=themes, followups=counts), DigestLimits(themes=5))
    assert (len(digest.themes.shown), digest.themes.more) == (5, 2)
    assert digest.followups == counts


def test_a_decreasing_objective_row_says_lower_is_better():
    wait = objective(1, 160.0, baseline=200.0, target=60.0, direction=Direction.DOWN, unit="minutes")
    csat = objective(2, 82.0, baseline=78.0, target=85.0)
    rows = build_digest(inputs(goals=[GoalFigures(1, "Cut waits", objectives=(wait, csat))])).rows.shown
    assert [r.lower_is_better for r in rows[1:]] == [True, False]
