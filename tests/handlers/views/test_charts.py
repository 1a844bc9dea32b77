import io
from datetime import date, timedelta

import pytest
from matplotlib.image import imread

from bot.domain.reports.series import ProgressSeries
from handlers.views.charts import MAX_PANELS, progress_figure, render_progress_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
START = date(2027, 1, 1)
DUE = date(2027, 12, 31)


def csat(points=(), **overrides) -> ProgressSeries:
    fields = dict(label="O1 · CSAT", start=START, due=DUE, baseline=78.0, target=85.0, points=tuple(points))
    return ProgressSeries(**(fields | overrides))


def decoded(png: bytes):
    assert png.startswith(PNG_SIGNATURE)
    image = imread(io.BytesIO(png), format="png")
    assert image.shape[0] > 50 and image.shape[1] > 50
    return image


def test_a_chart_of_two_objectives_is_a_real_png():
    weekly = [(START + timedelta(weeks=n), 78 + n * 0.2) for n in range(12)]
    repeat = csat(weekly, label="O2 · Repeat orders", baseline=900.0, target=1200.0, unit="orders")
    image = decoded(render_progress_chart([csat(weekly), repeat]))
    # two panels side by side: wider than tall
    assert image.shape[1] > image.shape[0]


@pytest.mark.parametrize(
    "series",
    [
        [],
        [csat()],
        [csat([(START, 79.0)])],
        [csat([(START, 1e300), (START + timedelta(days=3), -1e300)])],
        [csat([(START, float("nan")), (START + timedelta(days=1), float("inf"))])],
        [csat(baseline=None, target=None)],
        [csat([(START, 80.0)], due=START)],  # a goal due the day it starts
        [csat([(START, 80.0), (START, 81.0)], baseline=5.0, target=5.0)],
        [csat([(START + timedelta(days=n), float(n)) for n in range(400)], label="x" * 200)],
    ],
    ids=["none", "no-measurements", "one-point", "huge", "nan-inf", "no-pace", "zero-span", "flat", "long"],
)
def test_odd_inputs_still_render(series):
    decoded(render_progress_chart(series))


def test_too_many_objectives_are_capped_not_squeezed():
    many = [csat([(START, 80.0)], label=f"O{n}") for n in range(MAX_PANELS + 8)]
    capped = decoded(render_progress_chart(many))
    exactly = decoded(render_progress_chart(many[:MAX_PANELS]))
    assert capped.shape == exactly.shape


@pytest.mark.parametrize("panels", [1, 2, 5])
def test_a_digests_long_title_fits_inside_the_picture(panels):
    """A one-panel chart is narrow; the title of a weekly digest must wrap, not run off both edges."""
    title = "Progress against pace · week 2026-W48 (23 Nov – 29 Nov 2026)"
    figure = progress_figure([csat([(START, 80.0)])] * panels, title=title)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    figure.draw(renderer)  # the layout places the title as it would in the PNG
    box, picture = figure._suptitle.get_window_extent(renderer), figure.bbox  # type: ignore[union-attr]
    assert picture.x0 <= box.x0 and box.x1 <= picture.x1 and box.y1 <= picture.y1
    for axes in figure.axes:  # and it does not cover a panel
        assert axes.get_tightbbox(renderer).y1 <= box.y0 + 1
