from datetime import date

import pytest

from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.cuts import cut_to
from bot.domain.reports.participation import PeriodParticipation, Trend, participation
from bot.domain.reports.periods import period_for
from bot.domain.reports.quotes import QuoteCandidate
from bot.domain.reports.series import ProgressSeries
from bot.domain.reports.targets import expected_value, monthly_target


@pytest.mark.parametrize(
    ("answered", "minimum", "visible"), [(2, 3, False), (3, 3, True), (2, 1, False), (4, 5, False)]
)
def test_the_anonymity_minimum_is_never_below_three(answered, minimum, visible):
    assert anonymous_results_visible(answered, minimum) is visible


def test_an_anonymous_quote_cannot_carry_its_author():
    with pytest.raises(ValueError, match="anonymous"):
        QuoteCandidate("x", date(2027, 1, 1), anonymous=True, period_answers=5, minimum=3, author_key="U1")


def test_cut_counts_what_it_leaves_out():
    assert (cut_to([1, 2, 3], 2).shown, cut_to([1, 2, 3], 2).more) == ((1, 2), 1)
    assert cut_to([1, 2], 5).more == 0
    assert cut_to([1, 2], None).total == 2


@pytest.mark.parametrize(
    ("rates", "trend"),
    [
        ([(5, 10), (5, 10)], Trend.STEADY),
        ([(8, 10), (5, 10)], Trend.FALLING),
        ([(1, 0), (5, 10)], Trend.UNKNOWN),
    ],
)
def test_participation_trend(rates, trend):
    periods = [PeriodParticipation(str(n), a, b) for n, (a, b) in enumerate(rates)]
    assert participation(periods).trend is trend


def test_nobody_asked_is_no_rate_not_zero():
    assert PeriodParticipation("p", 0, 0).rate is None


def test_monthly_target_prefers_the_breakdown_then_the_straight_line():
    march = period_for("2027-03", date(2027, 3, 1))
    start, due = date(2027, 1, 1), date(2027, 12, 31)
    assert monthly_target(78, 90, start, due, march, planned=80.5) == 80.5
    assert monthly_target(78, 90, start, due, march) == pytest.approx(
        expected_value(78, 90, start, due, march.end)
    )
    assert monthly_target(78, 90, start, date(2027, 2, 15), march) == 90  # past due: the target itself
    assert expected_value(0, 100, start, due, start) == 0


def test_series_pace_line_and_finite_points():
    series = ProgressSeries(
        "O1", date(2027, 1, 1), date(2027, 3, 1), 10.0, 20.0, ((date(2027, 2, 1), float("nan")),)
    )
    assert series.actual == []
    assert series.pace_line == [(date(2027, 1, 1), 10.0), (date(2027, 3, 1), 20.0)]
    assert ProgressSeries("O2", date(2027, 1, 1), date(2027, 3, 1), None, 20.0).pace_line == []
