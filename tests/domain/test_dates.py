from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.dates import add_months, month_end, month_start, parse_due, quarter_end, quarter_of

NEW_YEARS_EVE = date(2026, 12, 31)
MID_MAY = date(2027, 5, 15)


def test_month_start_and_end():
    assert month_start(date(2027, 3, 17)) == date(2027, 3, 1)
    assert month_end(date(2027, 3, 17)) == date(2027, 3, 31)
    assert month_end(date(2027, 4, 1)) == date(2027, 4, 30)
    assert month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month_end(date(2027, 2, 1)) == date(2027, 2, 28)
    assert month_end(date(2100, 2, 1)) == date(2100, 2, 28)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2027, 1, 15), -1, date(2026, 12, 15)),
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
        (date(2027, 5, 31), 12, date(2028, 5, 31)),
        (date(2027, 5, 31), 0, date(2027, 5, 31)),
        (date(2027, 8, 31), 25, date(2029, 9, 30)),
    ],
)
def test_add_months_clamps_the_day(start, months, expected):
    assert add_months(start, months) == expected


def test_quarters():
    assert [quarter_of(date(2027, m, 1)) for m in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert quarter_end(2027, 1) == date(2027, 3, 31)
    assert quarter_end(2027, 2) == date(2027, 6, 30)
    assert quarter_end(2027, 3) == date(2027, 9, 30)
    assert quarter_end(2027, 4) == date(2027, 12, 31)
    with pytest.raises(ValueError):
        quarter_end(2027, 5)


@pytest.mark.parametrize(
    ("phrase", "today", "expected"),
    [
        ("2027-03-31", NEW_YEARS_EVE, date(2027, 3, 31)),
        ("by 2027-03-31.", NEW_YEARS_EVE, date(2027, 3, 31)),
        ("end of June", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("the end of june", MID_MAY, date(2027, 6, 30)),
        ("end of June", date(2027, 7, 1), date(2028, 6, 30)),
        ("end of June", date(2027, 6, 30), date(2027, 6, 30)),
        ("end of February", date(2027, 3, 1), date(2028, 2, 29)),
        ("end of Feb 2027", NEW_YEARS_EVE, date(2027, 2, 28)),
        ("June 30", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("30 June", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("30th of June", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("JUNE 30TH", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("Jun 30, 2027", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("30 June 2027", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("sept 5", NEW_YEARS_EVE, date(2027, 9, 5)),
        ("Jan 1", NEW_YEARS_EVE, date(2027, 1, 1)),
        ("Dec 31", NEW_YEARS_EVE, date(2026, 12, 31)),
        ("May 14", MID_MAY, date(2028, 5, 14)),
        ("Feb 29", NEW_YEARS_EVE, date(2028, 2, 29)),
        ("Feb 29 2028", NEW_YEARS_EVE, date(2028, 2, 29)),
        ("end of month", NEW_YEARS_EVE, date(2026, 12, 31)),
        ("end of the month", date(2028, 2, 3), date(2028, 2, 29)),
        ("end of quarter", MID_MAY, date(2027, 6, 30)),
        ("end of the quarter", NEW_YEARS_EVE, date(2026, 12, 31)),
        ("end of year", MID_MAY, date(2027, 12, 31)),
        ("end of the year", NEW_YEARS_EVE, date(2026, 12, 31)),
        ("Q2", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("q1", MID_MAY, date(2028, 3, 31)),
        ("Q2", MID_MAY, date(2027, 6, 30)),
        ("end of Q2", MID_MAY, date(2027, 6, 30)),
        ("the end of Q4", MID_MAY, date(2027, 12, 31)),
        ("Q2 2027", NEW_YEARS_EVE, date(2027, 6, 30)),
        ("end of Q1 2026", NEW_YEARS_EVE, date(2026, 3, 31)),
        ("next month", NEW_YEARS_EVE, date(2027, 1, 31)),
        ("next month", date(2028, 1, 31), date(2028, 2, 29)),
        ("end of next month", MID_MAY, date(2027, 6, 30)),
        ("next quarter", NEW_YEARS_EVE, date(2027, 3, 31)),
        ("next year", MID_MAY, date(2028, 12, 31)),
        ("in 6 weeks", NEW_YEARS_EVE, date(2027, 2, 11)),
        ("in 3 months", NEW_YEARS_EVE, date(2027, 3, 31)),
        ("in 10 days", NEW_YEARS_EVE, date(2027, 1, 10)),
        ("in a month", date(2027, 1, 31), date(2027, 2, 28)),
        ("in 1 year", date(2028, 2, 29), date(2029, 2, 28)),
    ],
)
def test_parse_due_phrases(phrase, today, expected):
    assert parse_due(phrase, today) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "soon",
        "2027-02-30",
        "2027-13-01",
        "June 31",
        "31 jun",
        "Feb 30",
        "June 0",
        "Q5",
        "Q0",
        "by 10%",
        "10",
        "June",
        "in 99999 years",
        "end of Q2 99999",
        "end of smarch",
        "in -3 days",
    ],
)
def test_parse_due_rejects_impossible_or_unknown(phrase):
    assert parse_due(phrase, MID_MAY) is None


def test_parse_due_past_year_9999_is_none_not_an_error():
    assert parse_due("next year", date(9999, 6, 1)) is None
    assert parse_due("Q1", date(9999, 6, 1)) is None


@given(st.text(), st.dates())
def test_parse_due_never_raises(text, today):
    result = parse_due(text, today)
    assert result is None or isinstance(result, date)


@given(
    st.sampled_from(["June 30", "end of June", "Q2", "end of quarter", "end of month", "Feb 29"]),
    st.dates(max_value=date(9990, 1, 1)),
)
def test_phrases_without_a_year_are_never_in_the_past(phrase, today):
    due = parse_due(phrase, today)
    assert due is not None and today <= due <= date(today.year + 8, 12, 31)
