from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.reports.working_days import (
    first_working_day,
    is_working_day,
    last_working_day,
    mid_month,
    working_days_in,
)

NO_HOLIDAYS: frozenset[date] = frozenset()


def test_first_working_day_skips_the_weekend_and_new_year():
    # 2027-01-01 is a Friday holiday; the 2nd and 3rd are a weekend.
    assert first_working_day(2027, 1, {date(2027, 1, 1)}) == date(2027, 1, 4)
    assert first_working_day(2027, 1, NO_HOLIDAYS) == date(2027, 1, 1)


def test_last_working_day_skips_a_weekend_end_of_month():
    # 2027-01-31 is a Sunday.
    assert last_working_day(2027, 1, NO_HOLIDAYS) == date(2027, 1, 29)
    assert last_working_day(2027, 1, {date(2027, 1, 29)}) == date(2027, 1, 28)


def test_mid_month_is_the_15th_when_it_is_a_working_day():
    assert mid_month(2027, 3, NO_HOLIDAYS) == date(2027, 3, 15)  # a Monday


def test_mid_month_moves_to_the_next_working_day_after_a_weekend_or_holiday():
    assert mid_month(2027, 5, NO_HOLIDAYS) == date(2027, 5, 17)  # the 15th is a Saturday
    assert mid_month(2027, 3, {date(2027, 3, 15)}) == date(2027, 3, 16)


def test_a_month_of_holidays_has_no_working_day():
    february = {date(2027, 2, 1) + timedelta(days=n) for n in range(28)}
    assert first_working_day(2027, 2, february) is None
    assert last_working_day(2027, 2, february) is None
    assert mid_month(2027, 2, february) is None


months = st.tuples(st.integers(2000, 2100), st.integers(1, 12))


@given(months, st.frozensets(st.integers(1, 28), max_size=20))
def test_working_day_rules_hold_for_any_holidays(month, holiday_days):
    year, number = month
    holidays = {date(year, number, day) for day in holiday_days}
    days = working_days_in(year, number, holidays)
    first, last, middle = (
        f(year, number, holidays) for f in (first_working_day, last_working_day, mid_month)
    )
    for day in days:
        assert day.weekday() < 5 and day not in holidays
    if not days:
        assert first is last is middle is None
        return
    assert first == min(days) and last == max(days)
    assert all(not is_working_day(first - timedelta(days=n), holidays) for n in range(1, first.day))
    if middle is not None:
        assert middle.day >= 15 and is_working_day(middle, holidays)
        # nothing between the 15th and the chosen day was a working day
        assert all(not is_working_day(date(year, number, d), holidays) for d in range(15, middle.day))
        assert first <= middle <= last
    else:
        assert all(day.day < 15 for day in days)
