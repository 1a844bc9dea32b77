import io
from datetime import date, timedelta

import pytest
from matplotlib.dates import date2num
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PIL import Image

from bot.domain.enums import PaceStatus
from bot.domain.reports.chart import ProgressChart, progress_chart
from bot.domain.reports.periods import month_of
from bot.domain.reports.series import ProgressSeries
from handlers.views.charts import (
    DPI,
    MAX_PANELS,
    PANEL_SIZE,
    STATUS_STYLE,
    progress_figure,
    render_progress_chart,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
START = date(2027, 1, 1)
DUE = date(2027, 12, 31)
MARCH = month_of(date(2027, 3, 1))
TODAY = date(2027, 3, 18)
OLD_DPI = 100  # what the chart was drawn at before issue 11
PHONE_WIDTH = 360  # points Slack gives an image on a phone


def csat(points=(), **overrides) -> ProgressSeries:
    fields = dict(label="O1 · CSAT", start=START, due=DUE, baseline=78.0, target=85.0, points=tuple(points))
    return ProgressSeries(**(fields | overrides))


def chart(*series: ProgressSeries, today: date = TODAY) -> ProgressChart:
    return progress_chart(series, MARCH, today)


def decoded(png: bytes):
    assert png.startswith(PNG_SIGNATURE)
    image = imread(io.BytesIO(png), format="png")
    assert image.shape[0] > 50 and image.shape[1] > 50
    return image


def drawn(figure):
    renderer = figure.canvas.get_renderer()
    figure.draw(renderer)  # the layout places everything as it would in the PNG
    return renderer


def in_march(value: float, step=7) -> list[tuple[date, float]]:
    return [(MARCH.start + timedelta(days=n), value + n / 10) for n in range(0, 28, step)]


def test_a_chart_of_two_objectives_is_a_sharp_png_of_two_panels_side_by_side():
    repeat = csat(in_march(900), label="O2 · Repeat orders", baseline=900.0, target=1200.0, unit="orders")
    png = render_progress_chart(chart(csat(in_march(79)), repeat))
    image = decoded(png)
    assert image.shape[1] > image.shape[0]
    assert DPI >= 2 * OLD_DPI
    assert Image.open(io.BytesIO(png)).size[0] == round(2 * PANEL_SIZE[0] * DPI)


def test_every_panel_covers_the_period_with_a_today_marker():
    figure = progress_figure(chart(csat(in_march(79)), csat(in_march(70), label="O2")), title="t")
    assert len(figure.axes) == 2
    for axes in figure.axes:
        left, right = axes.get_xlim()
        end = date2num(MARCH.end + timedelta(days=1))
        # the whole period, and a little room past its end so a marker there is not on the spine
        assert left == date2num(MARCH.start) and end < right < end + 2
        vertical = [line for line in axes.get_lines() if len(set(line.get_xdata())) == 1]
        assert [line.get_xdata()[0] for line in vertical] == [date2num(TODAY)]


def test_one_legend_for_the_figure_naming_the_statuses_drawn():
    behind = csat([(date(2027, 3, 10), 78.0)], label="O2 · behind", start=date(2026, 1, 1))
    figure = progress_figure(chart(csat(in_march(80)), behind), title="t")
    assert len(figure.legends) == 1 and all(axes.get_legend() is None for axes in figure.axes)
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert labels == ["off track", "on track", "expected pace", "today"]
    first_actual = [line for line in figure.axes[0].get_lines() if line.get_linestyle() == "-"]
    assert first_actual[0].get_color() == STATUS_STYLE[PaceStatus.OFF_TRACK][0]  # the one behind comes first


def test_panels_most_behind_first_and_the_rest_counted_below_every_axis():
    many = [csat([(date(2027, 3, 10), 78.0 + n / 4)], label=f"O{n}") for n in range(MAX_PANELS + 3)]
    figure = progress_figure(chart(*many), title="t")
    assert [axes.get_title() for axes in figure.axes] == [f"O{n}" for n in range(MAX_PANELS)]
    renderer = drawn(figure)
    note = figure.legends[0].get_title()
    assert note.get_text() == "and 3 more, less behind, not shown"
    box = note.get_window_extent(renderer)
    assert all(not box.overlaps(axes.get_tightbbox(renderer)) for axes in figure.axes)


def test_no_empty_panel_an_odd_last_panel_is_centred():
    figure = progress_figure(chart(csat(in_march(79)), csat(label="O2"), csat(label="O3")), title="t")
    assert len(figure.axes) == 3
    drawn(figure)
    left, right, last = (axes.get_position() for axes in figure.axes)
    assert abs((last.x0 + last.x1) / 2 - 0.5) < 0.05 and left.x1 < right.x0
    assert left.x0 < last.x0 < left.x1 and right.x0 < last.x1 < right.x1  # under both, beside none


def test_fonts_stay_legible_on_a_phone():
    figure = progress_figure(chart(csat(in_march(79)), csat(label="O2")), title="t")
    drawn(figure)
    shrink = PHONE_WIDTH / (figure.get_figwidth() * 72)
    sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
    assert min(sizes) * shrink >= 6.5


@pytest.mark.parametrize(
    "series",
    [
        [],
        [csat()],
        [csat([(START, 79.0)])],
        [csat([(MARCH.start, 1e300), (MARCH.start + timedelta(days=3), -1e300)])],
        [csat([(MARCH.start, float("nan")), (MARCH.start + timedelta(days=1), float("inf"))])],
        [csat(baseline=None, target=None)],
        [csat([(MARCH.start, 80.0)], start=MARCH.start, due=MARCH.start)],  # due the day it starts
        [csat([(MARCH.start, 80.0), (MARCH.start, 81.0)], baseline=5.0, target=5.0)],
        [csat([(START + timedelta(days=n), float(n)) for n in range(400)], label="x" * 200)],
    ],
    ids=[
        "none",
        "no-measurements",
        "one-point-before",
        "huge",
        "nan-inf",
        "no-pace",
        "zero-span",
        "flat",
        "long",
    ],
)
def test_odd_inputs_still_render(series):
    decoded(render_progress_chart(chart(*series)))


def test_too_many_objectives_are_capped_not_squeezed():
    many = [csat([(MARCH.start, 80.0)], label=f"O{n}") for n in range(MAX_PANELS + 8)]
    capped = decoded(render_progress_chart(chart(*many)))
    exactly = decoded(render_progress_chart(chart(*many[:MAX_PANELS])))
    assert (
        capped.shape[1] == exactly.shape[1]
        and abs(capped.shape[0] - exactly.shape[0]) < 0.05 * exactly.shape[0]
    )


@pytest.mark.parametrize("panels", [1, 2, 5])
def test_a_digests_long_title_fits_inside_the_picture(panels):
    """A one-panel chart is narrow; the title of a weekly digest must wrap, not run off both edges."""
    title = "Progress against pace · week 2026-W48 (23 Nov – 29 Nov 2026)"
    figure = progress_figure(
        chart(*[csat([(MARCH.start, 80.0)], label=f"O{n}") for n in range(panels)]), title=title
    )
    renderer = drawn(figure)
    box, picture = figure._suptitle.get_window_extent(renderer), figure.bbox  # type: ignore[union-attr]
    assert picture.x0 <= box.x0 and box.x1 <= picture.x1 and box.y1 <= picture.y1
    for axes in figure.axes:  # and it does not cover a panel
        assert axes.get_tightbbox(renderer).y1 <= box.y0 + 1
    legend = figure.legends[0].get_window_extent(renderer)
    assert picture.x0 <= legend.x0 and legend.x1 <= picture.x1  # nor does the legend run off


def test_lines_are_drawn_in_the_panels_status_colour():
    figure = progress_figure(chart(csat(in_march(84))), title="t")
    actual = [
        line
        for line in figure.axes[0].get_lines()
        if isinstance(line, Line2D) and line.get_linestyle() == "-"
    ]
    assert actual[0].get_color() == STATUS_STYLE[PaceStatus.ACHIEVED][0]
