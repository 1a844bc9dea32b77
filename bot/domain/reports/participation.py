"""Check-in participation: the response rate of each period and which way it is going."""

import enum
from collections.abc import Sequence
from dataclasses import dataclass

# Rates move a few points week to week by chance; five points is where a change is worth naming.
TREND_THRESHOLD = 0.05


class Trend(enum.StrEnum):
    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"
    UNKNOWN = "unknown"  # fewer than two periods with anyone asked


@dataclass(frozen=True)
class PeriodParticipation:
    period_id: str
    answered: int
    asked: int

    @property
    def rate(self) -> float | None:
        """Share of people asked who answered; None when nobody was asked (not 0%: nobody failed)."""
        if self.asked <= 0:
            return None
        return min(1.0, self.answered / self.asked)


@dataclass(frozen=True)
class Participation:
    periods: tuple[PeriodParticipation, ...]  # oldest first, the report's period last
    trend: Trend

    @property
    def current(self) -> PeriodParticipation | None:
        return self.periods[-1] if self.periods else None


def participation(periods: Sequence[PeriodParticipation]) -> Participation:
    """Trend compares the latest rate with the earliest one in the window (both must exist)."""
    rates = [p.rate for p in periods if p.rate is not None]
    if len(rates) < 2:
        return Participation(tuple(periods), Trend.UNKNOWN)
    change = rates[-1] - rates[0]
    if change >= TREND_THRESHOLD:
        trend = Trend.RISING
    elif change <= -TREND_THRESHOLD:
        trend = Trend.FALLING
    else:
        trend = Trend.STEADY
    return Participation(tuple(periods), trend)
