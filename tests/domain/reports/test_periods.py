from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.reports.periods import PeriodKind, parse_period_id, period_for, recent_periods

TODAY = date(2027, 1, 20)  # a Wednesday in ISO week 3


def test_week_is_this_iso_week_monday_to_sunday():
    week = period_for("week", TODAY)
    assert (week.start, week.end, week.id) == (date(2027, 1, 18), date(2027, 1, 24), "2027-W03")


def test_month_and_an_explicit_month():
    assert period_for("month", TODAY).id == "2027-01"
    march = period_for("2027-03", TODAY)
    assert (march.start, march.end, march.kind) == (date(2027, 3, 1), date(2027, 3, 31), PeriodKind.MONTH)


@pytest.mark.parametrize("junk", ["", "fortnight", "2027-13", "2027-3", "27-03", "2027-W54"])
def test_anything_else_is_none(junk):
    assert period_for(junk, TODAY) is None


def test_previous_and_the_last_four_oldest_first():
    assert period_for("week", TODAY).previous().id == "2027-W02"
    assert period_for("2027-01", TODAY).previous().id == "2026-12"
    assert [p.id for p in recent_periods(period_for("2027-02", TODAY))] == [
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-02",
    ]
    assert [p.id for p in recent_periods(period_for("week", date(2027, 1, 5)), 3)] == [
        "2026-W52",
        "2026-W53",
        "2027-W01",
    ]


@given(st.dates(date(1900, 1, 8), date(2200, 12, 31)), st.sampled_from(["week", "month"]))
def test_periods_tile_the_calendar(day, spec):
    period = period_for(spec, day)
    assert period.contains(day)
    assert period.previous().end == period.start - timedelta(days=1)
    assert parse_period_id(period.id) == period
