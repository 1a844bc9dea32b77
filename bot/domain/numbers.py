"""Numbers as people type them in Slack ("1,200", "85%", "1.2k", "$300") and as we show them."""

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

CURRENCY_SYMBOLS = "$€£"

# The largest magnitude a measurement may have. Real metrics (revenue in cents, page views)
# stay far below a trillion; anything bigger is a paste gone wrong, and floats this size still
# add, divide and print exactly enough for progress bars.
MAX_MEASUREMENT = 1e12

# Past this, digits grouped in thousands stop being readable; a short exponent is clearer.
_SHOWN_IN_FULL_BELOW = 1e15

_SCALE = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9}

# Commas are only accepted as proper thousands groups: "1,2" is too likely a European
# decimal to guess at, so it is rejected rather than read as 12.
_NUMBER = re.compile(
    r"""
    (?P<sign>[+-])?
    (?P<currency>[$€£])?
    (?P<sign_after_currency>[+-])?
    (?P<digits>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)
    (?P<scale>[kmb])?
    (?P<percent>%)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Quantity:
    """A parsed number plus the unit its spelling implied ("%", "$", "€", "£"), if any."""

    value: float
    unit: str | None


def parse_quantity(text: str) -> Quantity | None:
    match = _NUMBER.fullmatch(text.strip())
    if match is None or (match["sign"] and match["sign_after_currency"]):
        return None
    if match["currency"] and match["percent"]:
        return None
    value = float(match["digits"].replace(",", "")) * _SCALE[(match["scale"] or "").lower()]
    if "-" in (match["sign"] or "", match["sign_after_currency"] or ""):
        value = -value
    # A pasted run of hundreds of digits overflows to inf; that is not a measurement.
    if not math.isfinite(value):
        return None
    unit = "%" if match["percent"] else match["currency"]
    return Quantity(value, unit)


def is_storable(value: float) -> bool:
    """Finite and within ±MAX_MEASUREMENT: the only values a measurement may hold."""
    return math.isfinite(value) and abs(value) <= MAX_MEASUREMENT


def join_digit_groups(words: list[str]) -> tuple[str, int]:
    """ "1 000 000" typed with spaces: the words that form one number, and how many were used.

    A first word of one to three digits (sign, currency allowed) followed by words of exactly three
    digits (the last may carry decimals, a scale or "%") is one number with its groups spaced out.
    """
    if not words or not _LEADING_GROUP.fullmatch(words[0]):
        return (words[0] if words else ""), min(len(words), 1)
    used = 1
    while used < len(words) and _NEXT_GROUP.fullmatch(words[used]):
        used += 1
        if not words[used - 1].isdigit():
            break  # decimals, a scale or "%" end the number
    return "".join(words[:used]), used


_LEADING_GROUP = re.compile(r"[+-]?[$€£]?[+-]?[0-9]{1,3}")
_NEXT_GROUP = re.compile(r"[0-9]{3}(?:\.[0-9]+)?[kmb]?%?", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    quantity = parse_quantity(text)
    return None if quantity is None else quantity.value


def format_number(value: float) -> str:
    """Thousands separators and at most two decimals, rounded half up the way people expect.

    Values no measurement may hold (stored before they were checked) still print, briefly:
    "1.2e+29", "∞", "-∞", "not a number".
    """
    if math.isnan(value):
        return "not a number"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= _SHOWN_IN_FULL_BELOW:
        return f"{value:.3g}"
    # str() first so 0.125 rounds as the 0.125 the user typed, not its binary neighbour.
    with localcontext() as context:
        context.prec = 1000
        rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if rounded == 0:
        return "0"
    text = f"{rounded:,.2f}"
    return text.rstrip("0").rstrip(".")
