"""The digest's progress chart: each objective's actual values against its expected pace line.

One PNG of small multiples (one panel per objective), drawn headless with matplotlib's Agg
canvas on a fresh `Figure`, never through pyplot: pyplot keeps global figures, which leak memory
and are not safe across the threads a web process runs.
"""

import io
import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from bot.domain.reports.series import ProgressSeries

# A readable panel on a phone is about 4 x 2.6 inches; more than 12 panels stop being readable,
# so the rest are named in a footnote ("and 8 more") like every other cut list in a digest.
MAX_PANELS = 12
COLUMNS = 2
PANEL_SIZE = (4.2, 2.6)
DPI = 100
# Beyond this magnitude Agg's tick arithmetic overflows; such values are clipped for drawing only.
_LARGEST_DRAWN = 1e15


def render_progress_chart(series: Sequence[ProgressSeries], *, title: str = "Progress against pace") -> bytes:
    """PNG bytes; an empty or data-less input still gives a small chart that says so."""
    out = io.BytesIO()
    progress_figure(series, title=title).savefig(out, format="png")
    return out.getvalue()


def progress_figure(series: Sequence[ProgressSeries], *, title: str) -> Figure:
    drawable = list(series)[:MAX_PANELS]
    hidden = max(0, len(series) - MAX_PANELS)
    rows = max(1, math.ceil(len(drawable) / COLUMNS))
    columns = COLUMNS if len(drawable) > 1 else 1
    # A one-panel chart is narrow, and a digest's title ("… week 2026-W48 (23 Nov – 29 Nov 2026)")
    # is long: wrapped, with the constrained layout making room for its lines above the panels.
    figure = Figure(
        figsize=(PANEL_SIZE[0] * columns, PANEL_SIZE[1] * rows + 0.6), dpi=DPI, layout="constrained"
    )
    FigureCanvasAgg(figure)
    figure.suptitle(title, fontsize=12 if columns > 1 else 11, wrap=True)
    if not drawable:
        figure.text(0.5, 0.5, "No objectives to chart yet", ha="center", va="center")
    for index, one in enumerate(drawable):
        _draw_panel(figure.add_subplot(rows, columns, index + 1), one)
    if hidden:
        figure.text(0.99, 0.01, f"and {hidden} more not shown", ha="right", va="bottom", fontsize=8)
    return figure


def _draw_panel(axes: Axes, series: ProgressSeries) -> None:
    axes.set_title(series.label if len(series.label) <= 48 else series.label[:47] + "…", fontsize=9)
    pace = series.pace_line
    actual = series.actual
    if pace:
        axes.plot(*zip(*_clipped(pace), strict=True), linestyle="--", color="0.55", label="expected pace")
    if actual:
        marker = "o" if len(actual) <= 40 else None
        axes.plot(*zip(*_clipped(actual), strict=True), marker=marker, markersize=3, label="actual")
    if not pace and not actual:
        axes.text(0.5, 0.5, "no measurements yet", ha="center", va="center", transform=axes.transAxes)
        axes.set_xticks([])
        axes.set_yticks([])
        return
    locator = AutoDateLocator(minticks=2, maxticks=5)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if series.unit:
        axes.set_ylabel(series.unit, fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="best")


def _clipped(points: list[tuple]) -> list[tuple]:
    return [(day, max(-_LARGEST_DRAWN, min(_LARGEST_DRAWN, value))) for day, value in points]
