import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.numbers import (
    MAX_MEASUREMENT,
    Quantity,
    format_number,
    is_storable,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("85%", 85),
        ("1.2k", 1200),
        ("1.2K", 1200),
        ("3m", 3_000_000),
        ("2b", 2_000_000_000),
        ("$300", 300),
        ("€5", 5),
        ("£7.50", 7.5),
        ("-4", -4),
        ("+3", 3),
        ("-$4", -4),
        ("$-4", -4),
        ("3.5", 3.5),
        ("78.0", 78),
        (".5", 0.5),
        (" 12 ", 12),
        ("1,234,567.5", 1234567.5),
    ],
)
def test_parse_number_accepts_common_spellings(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        " ",
        "1.2.3",
        "nan",
        "inf",
        "-inf",
        "1e5",
        "12abc",
        "1,2",
        "1,20",
        "+-3",
        "$5%",
        "5 5",
        "%",
        "$",
        "1" * 400,
        "٣",
    ],
)
def test_parse_number_rejects_junk(text):
    assert parse_number(text) is None


def test_parse_quantity_keeps_the_implied_unit():
    assert parse_quantity("85%") == Quantity(85.0, "%")
    assert parse_quantity("$1.2k") == Quantity(1200.0, "$")
    assert parse_quantity("€5") == Quantity(5.0, "€")
    assert parse_quantity("42") == Quantity(42.0, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1200, "1,200"),
        (78.5, "78.5"),
        (85.0, "85"),
        (0.125, "0.13"),
        (-4, "-4"),
        (-1234.5, "-1,234.5"),
        (2.675, "2.68"),
        (0.001, "0"),
        (-0.001, "0"),
        (1_000_000, "1,000,000"),
        (0.1, "0.1"),
    ],
)
def test_format_number(value, expected):
    assert format_number(value) == expected


@given(st.text())
def test_parse_number_never_raises(text):
    result = parse_number(text)
    assert result is None or (isinstance(result, float) and math.isfinite(result))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_format_then_parse_is_within_rounding(value):
    text = format_number(value)
    assert parse_number(text) == pytest.approx(value, abs=0.005 + 1e-9 * abs(value))


@given(st.floats())
def test_format_number_never_raises(value):
    assert isinstance(format_number(value), str)


@pytest.mark.parametrize(
    ("value", "storable"),
    [
        (0.0, True),
        (-MAX_MEASUREMENT, True),
        (MAX_MEASUREMENT, True),
        (MAX_MEASUREMENT * 1.0001, False),
        (2e307, False),
        (float("inf"), False),
        (float("nan"), False),
    ],
)
def test_is_storable(value, storable):
    assert is_storable(value) is storable


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_format_number_never_fails_and_stays_short(value):
    assert 0 < len(format_number(value)) <= 30


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1e12, "1,000,000,000,000"),
        (2e307, "2e+307"),
        (-1.234e29, "-1.23e+29"),
        (float("inf"), "∞"),
        (float("-inf"), "-∞"),
        (float("nan"), "not a number"),
    ],
)
def test_format_number_of_values_beyond_any_measurement(value, shown):
    assert format_number(value) == shown
