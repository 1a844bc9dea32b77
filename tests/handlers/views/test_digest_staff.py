from datetime import date

import pytest

from bot.domain.reports.confidence import PeriodConfidence, confidence_trend
from bot.domain.reports.quotes import QuoteCandidate
from handlers.views.digest_staff import confidence_line, quote_source


def trend(*averages: float | None):
    # one answer per period whose confidence is the average (tenths kept with ten answers)
    return confidence_trend(
        [
            PeriodConfidence(f"W{n}") if a is None else PeriodConfidence(f"W{n}", round(a * 10), 10)
            for n, a in enumerate(averages)
        ]
    )


@pytest.mark.parametrize(
    ("averages", "line"),
    [
        ((3.1, 3.4, 3.6, 3.8), "*Confidence* 3.8 / 5 (↑ from 3.6; last 4: 3.1 · 3.4 · 3.6 · 3.8)"),
        ((4.0, None, 3.2), "*Confidence* 3.2 / 5 (↓ from 4.0; last 3: 4.0 · — · 3.2)"),
        ((3.5, 3.5), "*Confidence* 3.5 / 5 (→ same as 3.5; last 2: 3.5 · 3.5)"),
        ((None, None, 4.2), "*Confidence* 4.2 / 5 (last 3: — · — · 4.2)"),
        ((3.0, None), "*Confidence* — this period (last 2: 3.0 · —)"),
    ],
)
def test_the_confidence_line(averages, line):
    assert confidence_line(trend(*averages)) == line


def test_no_confidence_line_when_no_period_shows_one():
    assert confidence_line(trend(None, None)) is None and confidence_line(confidence_trend([])) is None


def test_a_named_quote_names_its_author_and_an_anonymous_one_never():
    day = date(2027, 3, 1)
    assert quote_source(QuoteCandidate("x", day, False, 1, 3, author_key="U123ABC")) == "<@U123ABC>"
    assert quote_source(QuoteCandidate("x", day, True, 5, 3)) == "anonymous"
    # Only a user id becomes a mention: anything else stored there is left out, never echoed.
    assert quote_source(QuoteCandidate("x", day, False, 1, 3, author_key="U1>|<!here")) == ""
