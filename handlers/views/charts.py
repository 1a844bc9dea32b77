"""The digest's progress chart: each objective over the digest's period against its expected pace.

One PNG of small multiples (one panel per objective, most behind first), drawn headless with
matplotlib's Agg canvas on a fresh `Figure`, never through pyplot: pyplot keeps global figures,
which leak memory and are not safe across the threads a web process runs. What is drawn (the
period, the lines, the order, each panel's status) is decided in bot/domain/reports/chart.py.
"""

import io
import math

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.gridspec import GridSpec
from matplotlib.lines import Line2D

from bot.domain.enums import PaceStatus
from bot.domain.reports.chart import ChartPanel, ProgressChart

# Slack shows a chart about 360 points wide on a phone: a panel 3.6 inches wide at 200 dpi (twice
# the old 100) stays sharp on high-resolution screens, and 10-point tick labels stay about 7
# points once the two-column picture is shrunk to the phone's width. Past 12 panels a chart is
# no longer read, so the rest are counted in a note, like every other cut list in a digest.
MAX_PANELS = 12
COLUMNS = 2
PANEL_SIZE = (3.6, 2.8)
DPI = 200
FONT = {"title": 14, "panel": 11, "ticks": 10, "legend": 10, "note": 10}
# Colour and marker both tell the status, so it reads without colour vision too.
STATUS_STYLE: dict[PaceStatus, tuple[str, str]] = {
    PaceStatus.OFF_TRACK: ("#c62828", "X"),
    PaceStatus.AT_RISK: ("#e08e00", "s"),
    PaceStatus.ON_TRACK: ("#2e7d32", "o"),
    PaceStatus.ACHIEVED: ("#1565c0", "D"),
    PaceStatus.NO_DATA: ("#8a8a8a", "."),
}
PACE_COLOUR = "0.45"
TODAY_COLOUR = "#5e35b1"
# Beyond this magnitude Agg's tick arithmetic overflows; such values are clipped for drawing only.
_LARGEST_DRAWN = 1e15


def render_progress_chart(chart: ProgressChart, *, title: str = "Progress against pace") -> bytes:
    """PNG bytes; a chart with nothing to draw still gives a small picture that says so."""
    out = io.BytesIO()
    progress_figure(chart, title=title).savefig(out, format="png")
    return out.getvalue()


def progress_figure(chart: ProgressChart, *, title: str) -> Figure:
    drawable = chart.panels[:MAX_PANELS]
    hidden = len(chart.panels) - len(drawable)
    columns = COLUMNS if len(drawable) > 1 else 1
    rows = max(1, math.ceil(len(drawable) / columns))
    # Room below the panels for the one legend (and the "and N more" note under it).
    figure = Figure(
        figsize=(PANEL_SIZE[0] * columns, PANEL_SIZE[1] * rows + 1.2), dpi=DPI, layout="constrained"
    )
    FigureCanvasAgg(figure)
    # A digest's title ("… week 2026-W48 (23 Nov – 29 Nov 2026)") is long: wrapped, with the
    # constrained layout making room for its lines above the panels.
    figure.suptitle(title, fontsize=FONT["title"], wrap=True)
    if not drawable:
        figure.text(0.5, 0.5, "No objectives to chart yet", ha="center", va="center", fontsize=FONT["panel"])
        return figure
    # Two grid columns per panel, so an odd last panel sits centred instead of beside a blank one.
    grid = GridSpec(rows, columns * 2, figure=figure)
    for index, panel in enumerate(drawable):
        row, column = divmod(index, columns)
        alone = columns > 1 and index == len(drawable) - 1 and column == 0
        cell = grid[row, 1:3] if alone else grid[row, column * 2 : column * 2 + 2]
        _draw_panel(figure.add_subplot(cell), panel, chart)
    _legend(figure, chart, drawable, hidden)
    return figure


def _draw_panel(axes: Axes, panel: ChartPanel, chart: ProgressChart) -> None:
    label = panel.label if len(panel.label) <= 40 else panel.label[:39] + "…"
    axes.set_title(label, fontsize=FONT["panel"])
    colour, marker = STATUS_STYLE[panel.status]
    if panel.pace:
        axes.plot(*_xy(panel.pace), linestyle="--", color=PACE_COLOUR, linewidth=1.2)
    if panel.actual:
        shown = marker if len(panel.actual) <= 40 else None
        # Markers on measurements only: a carried-in first point is only where the line starts.
        every = slice(1 if panel.carried else 0, None)
        axes.plot(
            *_xy(panel.actual), color=colour, marker=shown, markevery=every, markersize=5, linewidth=2.2
        )
    if not panel.actual:
        axes.text(
            0.5,
            0.5,
            "no measurements yet",
            ha="center",
            va="center",
            transform=axes.transAxes,
            fontsize=FONT["ticks"],
            color=STATUS_STYLE[PaceStatus.NO_DATA][0],
        )
    axes.axvline(date2num(chart.today), color=TODAY_COLOUR, linewidth=1.2, linestyle=":")
    start, end = date2num(chart.start), date2num(chart.end)
    # A little room past the end: a period's last day draws its marker line on the right spine,
    # where the spine hides it (a weekly digest posted on its Sunday showed no line at all).
    axes.set_xlim(start, end + (end - start) * 0.03)
    locator = AutoDateLocator(minticks=3, maxticks=6)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator, show_offset=False))
    if panel.unit:
        axes.set_ylabel(panel.unit, fontsize=FONT["ticks"])
    axes.tick_params(labelsize=FONT["ticks"])
    axes.grid(alpha=0.3)


def _legend(figure: Figure, chart: ProgressChart, drawn: tuple[ChartPanel, ...], hidden: int) -> None:
    """One legend for the whole figure, below the panels, naming only the statuses drawn."""
    present = [status for status in STATUS_STYLE if any(p.status is status and p.actual for p in drawn)]
    handles = [
        Line2D([], [], color=STATUS_STYLE[s][0], marker=STATUS_STYLE[s][1], linewidth=2.2, label=s.value)
        for s in present
    ]
    if any(p.pace for p in drawn):
        handles.append(Line2D([], [], color=PACE_COLOUR, linestyle="--", label="expected pace"))
    handles.append(Line2D([], [], color=TODAY_COLOUR, linestyle=":", label=chart.today_label))
    legend = figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(len(handles), 3 if len(drawn) > 1 else 2),
        fontsize=FONT["legend"],
        frameon=False,
    )
    if hidden:
        # As the legend's title the note is laid out with it, below every axis, never over one.
        legend.set_title(f"and {hidden} more, less behind, not shown", prop=FontProperties(size=FONT["note"]))


def _xy(points) -> tuple[list[float], list[float]]:
    return [date2num(day) for day, _ in points], [_clip(value) for _, value in points]


def _clip(value: float) -> float:
    return max(-_LARGEST_DRAWN, min(_LARGEST_DRAWN, value))
