"""The average confidence (1–5) check-in answers gave per period, and which way it is going.

The answers' confidences come from the period tallies as counts per value. Anonymous ones count
only in a period that met the anonymity minimum (`anonymity.py`); below it the period shows
nothing of them, not even a partial average.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.reports.anonymity import anonymous_results_visible

SCALE = 5


@dataclass(frozen=True)
class PeriodConfidence:
    period_id: str
    total: int = 0  # the sum of the confidences shown
    answers: int = 0  # how many answers gave one

    @property
    def average(self) -> float | None:
        return None if self.answers <= 0 else self.total / self.answers


def period_confidence(
    period_id: str,
    named: Mapping[int, int],
    anonymous: Mapping[int, int],
    *,
    anonymous_answered: int,
    minimum: int,
) -> PeriodConfidence:
    """`named`/`anonymous`: how many answers gave each confidence; `anonymous_answered`: how many
    anonymous answers the period had (with a confidence or not), which the minimum is about."""
    counts = dict(named)
    if anonymous_results_visible(anonymous_answered, minimum):
        for value, n in anonymous.items():
            counts[value] = counts.get(value, 0) + n
    shown = {value: n for value, n in counts.items() if 1 <= value <= SCALE and n > 0}
    return PeriodConfidence(period_id, sum(v * n for v, n in shown.items()), sum(shown.values()))


@dataclass(frozen=True)
class ConfidenceTrend:
    periods: tuple[PeriodConfidence, ...] = ()  # oldest first, the digest's period last

    @property
    def current(self) -> float | None:
        return self.periods[-1].average if self.periods else None

    @property
    def previous(self) -> float | None:
        """The latest average before the digest's period, skipping periods that show none."""
        earlier = [p.average for p in self.periods[:-1] if p.average is not None]
        return earlier[-1] if earlier else None

    @property
    def shown(self) -> bool:
        return any(p.average is not None for p in self.periods)


def confidence_trend(periods: Sequence[PeriodConfidence]) -> ConfidenceTrend:
    return ConfidenceTrend(tuple(periods))
