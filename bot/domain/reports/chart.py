"""What the digest's progress chart shows: each objective over the digest's period only.

The x-axis is the period (its first day to the day after its last), with a marker at the
digest's "as of" day. Each panel's actual line starts where the objective stood when the period
began (the value measured last before it, else the baseline) and its pace line is the expected
pace across the period. A panel takes its objective's pace status (its colour in the picture),
and panels come most behind first, so a cut chart drops the ones that need attention least.
handlers/views/charts.py only draws this.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.enums import PaceStatus
from bot.domain.pacing import expected_progress, pace_status, progress
from bot.domain.reports.periods import Period
from bot.domain.reports.series import Point, ProgressSeries


@dataclass(frozen=True)
class ChartPanel:
    label: str
    unit: str | None
    status: PaceStatus
    actual: tuple[Point, ...]  # from the period's opening value to the last measurement in it
    pace: tuple[Point, ...]  # the expected pace across the period; empty without baseline and target
    behind: float | None  # expected minus actual progress on the "as of" day; None unmeasured
    carried: bool = False  # the first actual point is carried in (the opening value), not measured


@dataclass(frozen=True)
class ProgressChart:
    start: date  # the period's first day: the axis' left edge
    end: date  # the day after the period's last: the axis' right edge
    today: date  # the digest's "as of" day, inside [start, end]
    panels: tuple[ChartPanel, ...]  # most behind first; unmeasured last

    @property
    def today_label(self) -> str:
        return "today" if self.today < self.end else "end of period"


def progress_chart(series: Sequence[ProgressSeries], period: Period, today: date) -> ProgressChart:
    """`today` is the digest's local date (passed in): values count up to it within the period."""
    end = period.end + timedelta(days=1)
    as_of = min(today, period.end)
    panels = [_panel(one, period.start, end, as_of) for one in series]
    drawable = [p for p in panels if p.actual or p.pace]
    # Stable: equally behind (and all unmeasured) panels keep the order they came in.
    drawable.sort(key=lambda p: (p.behind is None, -(p.behind or 0.0)))
    return ProgressChart(period.start, end, max(period.start, min(today, end)), tuple(drawable))


def _panel(series: ProgressSeries, start: date, end: date, as_of: date) -> ChartPanel:
    measured = series.actual
    before = [point for point in measured if point[0] < start]
    opening = before[-1][1] if before else series.opening
    inside = [point for point in measured if start <= point[0] <= as_of]
    first_day = max(start, series.start)
    begin = opening if opening is not None else series.baseline
    measured_on_first_day = bool(inside) and inside[0][0] == first_day
    # Nothing measured ever: no line at all (the pace line alone says "no data").
    carried = begin is not None and not measured_on_first_day and (bool(inside) or opening is not None)
    actual = [(first_day, begin)] if carried and begin is not None else []
    latest = inside[-1][1] if inside else opening
    return ChartPanel(
        label=series.label,
        unit=series.unit,
        status=_status(series, latest, as_of),
        actual=tuple(actual + inside),
        pace=tuple(_pace(series, first_day, end)),
        behind=_behind(series, latest, as_of),
        carried=carried,
    )


def _pace(series: ProgressSeries, first_day: date, end: date) -> list[Point]:
    if not series.pace_line or first_day >= end:
        return []
    days = [first_day, *([series.due] if first_day < series.due < end else []), end]
    values = [series.expected_on(day) for day in days]
    return [(day, value) for day, value in zip(days, values, strict=True) if value is not None]


def _progress(series: ProgressSeries, value: float | None) -> float | None:
    if value is None or series.baseline is None or series.target is None:
        return None
    return progress(series.baseline, series.target, value, direction=series.direction)


def _status(series: ProgressSeries, value: float | None, as_of: date) -> PaceStatus:
    expected = expected_progress(series.start, series.due, as_of)
    return pace_status(_progress(series, value), expected, today=as_of, due=series.due)


def _behind(series: ProgressSeries, value: float | None, as_of: date) -> float | None:
    now = _progress(series, value)
    if now is None:
        return None
    return expected_progress(series.start, series.due, as_of) - now
