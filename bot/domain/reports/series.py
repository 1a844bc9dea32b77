"""The data behind the progress chart: an objective's measurements and its expected pace line.

handlers/views/charts.py draws it; keeping the numbers here lets tests check the line without
reading pixels.
"""

import math
from dataclasses import dataclass
from datetime import date

from bot.domain.enums import Direction
from bot.domain.reports.targets import expected_value

Point = tuple[date, float]


@dataclass(frozen=True)
class ProgressSeries:
    label: str  # e.g. "O7 · CSAT"
    start: date
    due: date
    baseline: float | None
    target: float | None
    points: tuple[Point, ...] = ()  # measurements, any order
    unit: str | None = None
    direction: Direction = Direction.UP
    # The value measured last before the points begin (the chart's period), if any was.
    opening: float | None = None

    @property
    def actual(self) -> list[Point]:
        """Measurements by date, without values a chart cannot place (NaN, infinity)."""
        return sorted((day, value) for day, value in self.points if math.isfinite(value))

    @property
    def pace_line(self) -> list[Point]:
        """Straight from the baseline at the start to the target when due; empty without both."""
        if self.baseline is None or self.target is None:
            return []
        if not (math.isfinite(self.baseline) and math.isfinite(self.target)):
            return []
        return [(self.start, self.baseline), (max(self.due, self.start), self.target)]

    def expected_on(self, day: date) -> float | None:
        if self.baseline is None or self.target is None:
            return None
        return expected_value(self.baseline, self.target, self.start, self.due, day)
