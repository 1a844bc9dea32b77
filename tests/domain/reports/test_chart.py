"""What the digest's chart shows: the period only, lines starting where the objective stood, the
status of each objective, the ones most behind first, the "as of" day passed in."""

from datetime import date, timedelta

from bot.domain.enums import Direction, PaceStatus
from bot.domain.reports.chart import progress_chart
from bot.domain.reports.periods import month_of, week_of
from bot.domain.reports.series import ProgressSeries

START, DUE = date(2027, 1, 1), date(2027, 12, 31)
MARCH = month_of(date(2027, 3, 1))


def csat(points=(), **overrides) -> ProgressSeries:
    fields = dict(label="O1 · CSAT", start=START, due=DUE, baseline=78.0, target=90.0, points=tuple(points))
    return ProgressSeries(**(fields | overrides))


def test_the_axis_is_the_period_and_the_pace_line_runs_across_it_from_its_start():
    chart = progress_chart([csat([(date(2027, 3, 10), 81.0)])], MARCH, date(2027, 3, 20))
    assert (chart.start, chart.end, chart.today) == (date(2027, 3, 1), date(2027, 4, 1), date(2027, 3, 20))
    [panel] = chart.panels
    (first_day, first), (last_day, last) = panel.pace
    assert (first_day, last_day) == (date(2027, 3, 1), date(2027, 4, 1))
    assert first == csat().expected_on(date(2027, 3, 1)) and last == csat().expected_on(date(2027, 4, 1))


def test_the_actual_line_starts_at_the_value_as_the_period_began_else_the_baseline():
    earlier = csat([(date(2027, 2, 10), 80.0), (date(2027, 3, 10), 82.0), (date(2027, 3, 25), 99.0)])
    [panel] = progress_chart([earlier], MARCH, date(2027, 3, 20)).panels
    # 80 was the value on 1 March; the 25th is after the digest's day, so not drawn.
    assert panel.actual == ((date(2027, 3, 1), 80.0), (date(2027, 3, 10), 82.0)) and panel.carried
    on_the_first = csat([(date(2027, 2, 10), 80.0), (date(2027, 3, 1), 81.0)])
    [panel] = progress_chart([on_the_first], MARCH, date(2027, 3, 20)).panels
    assert panel.actual == ((date(2027, 3, 1), 81.0),) and not panel.carried  # measured, not carried
    given = csat([(date(2027, 3, 10), 82.0)], opening=79.0)  # as the service gives it
    assert progress_chart([given], MARCH, date(2027, 3, 20)).panels[0].actual[0] == (date(2027, 3, 1), 79.0)
    new_goal = csat([(date(2027, 3, 20), 79.0)], start=date(2027, 3, 15), due=date(2027, 6, 30))
    [panel] = progress_chart([new_goal], MARCH, date(2027, 3, 31)).panels
    assert panel.actual[0] == (date(2027, 3, 15), 78.0)  # the baseline, on the goal's first day
    assert panel.pace[0] == (date(2027, 3, 15), 78.0)


def test_each_panel_takes_its_status_and_the_most_behind_come_first():
    today = date(2027, 7, 1)  # halfway: expected 50% of the way
    series = [
        csat([(date(2027, 6, 20), 85.0)], label="on track"),  # 58%
        csat([(date(2027, 6, 20), 90.0)], label="achieved"),
        csat([], label="no data"),
        csat([(date(2027, 6, 20), 78.0)], label="off track"),  # 0%
        csat([(date(2027, 6, 20), 82.0)], label="at risk"),  # 33%
        csat(
            [(date(2027, 6, 20), 150.0)],
            label="down, off track",
            baseline=160.0,
            target=60.0,
            direction=Direction.DOWN,
        ),  # 10%
    ]
    panels = progress_chart(series, month_of(date(2027, 6, 1)), today).panels
    assert [p.label for p in panels] == [
        "off track",
        "down, off track",
        "at risk",
        "on track",
        "achieved",
        "no data",
    ]
    assert [p.status for p in panels] == [
        PaceStatus.OFF_TRACK,
        PaceStatus.OFF_TRACK,
        PaceStatus.AT_RISK,
        PaceStatus.ON_TRACK,
        PaceStatus.ACHIEVED,
        PaceStatus.NO_DATA,
    ]


def test_nothing_to_draw_makes_no_panel_and_a_closed_period_marks_its_end():
    bare = csat(baseline=None, target=None)
    chart = progress_chart([bare, csat()], week_of(date(2027, 3, 1)), date(2027, 3, 15))
    assert len(chart.panels) == 1 and not chart.panels[0].actual
    assert chart.today == date(2027, 3, 8) == chart.end and chart.today_label == "end of period"
    assert progress_chart([], MARCH, date(2027, 3, 5)).today_label == "today"


def test_a_period_before_the_goal_has_no_pace_and_no_line():
    chart = progress_chart([csat(start=date(2027, 5, 1))], MARCH, date(2027, 3, 31))
    assert chart.panels == ()
    assert (
        progress_chart([csat([(date(2027, 3, 2), 80.0)])], MARCH, date(2027, 3, 1) - timedelta(days=3)).today
        == MARCH.start
    )
