import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import pacing
from bot.domain.enums import PaceStatus
from bot.domain.numbers import format_number
from handlers.views.format import (
    Mrkdwn,
    due_in,
    escape,
    format_value,
    mention,
    plural,
    progress_bar,
    status_badge,
    truncate,
)


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (0.3, "▰▰▰▱▱▱▱▱▱▱ 30%"),
        (0.0, "▱▱▱▱▱▱▱▱▱▱ 0%"),
        (1.0, "▰▰▰▰▰▰▰▰▰▰ 100%"),
        (1.3, "▰▰▰▰▰▰▰▰▰▰ 130%"),
        (-0.2, "▱▱▱▱▱▱▱▱▱▱ -20%"),
        (0.666, "▰▰▰▰▰▰▰▱▱▱ 67%"),
        (None, "—"),
        (float("nan"), "—"),
        (-11.857, "▱▱▱▱▱▱▱▱▱▱ -1,186%"),
        (2e305, "▰▰▰▰▰▰▰▰▰▰ over 9,999%"),
        (-2e305, "▱▱▱▱▱▱▱▱▱▱ under -9,999%"),
    ],
)
def test_progress_bar_clamps_the_bar_but_shows_the_real_percent(fraction, expected):
    assert progress_bar(fraction) == expected


def test_progress_bar_width():
    assert progress_bar(0.5, width=4) == "▰▰▱▱ 50%"


def test_status_badges():
    assert status_badge(PaceStatus.ACHIEVED) == ":trophy: achieved"
    assert status_badge(PaceStatus.ON_TRACK) == ":large_green_circle: on track"
    assert status_badge(PaceStatus.AT_RISK) == ":large_yellow_circle: at risk"
    assert status_badge(PaceStatus.OFF_TRACK) == ":red_circle: off track"
    assert status_badge(PaceStatus.NO_DATA) == ":white_circle: no data"


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (85.0, "%", "85%"),
        (300.0, "$", "$300"),
        (-300.0, "$", "-$300"),
        (1200.0, "per month", "1,200 per month"),
        (78.5, None, "78.5"),
        (78.5, "  ", "78.5"),
        (1200.0, "$ per month", "$1,200 per month"),
        (12.0, "% of tickets", "12% of tickets"),
        (-0.001, "%", "0%"),
    ],
)
def test_format_value(value, unit, expected):
    assert format_value(value, unit) == expected


def test_truncate_keeps_short_text_and_marks_cuts():
    assert truncate("short", 10) == "short"
    assert truncate("a" * 20, 10) == "a" * 9 + "…"
    assert len(truncate("a" * 5000, 150)) == 150
    assert truncate("abc", 0) == ""
    assert truncate("abc", 1) == "…"


def test_truncate_never_leaves_half_a_mention_or_entity():
    assert truncate("owner <@U123456789> more text", 12) == "owner…"
    assert truncate("R&amp;D budget", 6) == "R…"


def test_escape_stops_mentions_in_user_text():
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_escape_happens_exactly_once_however_often_it_is_asked():
    once = escape("<!here> & &amp;")
    assert once == "&lt;!here&gt; &amp; &amp;amp;"
    assert escape(escape(once)) == once and isinstance(once, Mrkdwn)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("ok 👩‍💻 tail", 5, "ok…"),  # woman + ZWJ + laptop: never half of it
        ("ok 👩‍💻 tail", 6, "ok…"),
        ("ok 👍🏽 tail", 5, "ok…"),  # the skin tone stays with its thumb
        ("ok 🇩🇪🇫🇷 tail", 6, "ok 🇩🇪…"),  # flags are pairs of regional indicators
        ("ok ❤️ tail", 5, "ok…"),  # the heart and its emoji presentation selector
        ("nice :white_check_mark: done", 12, "nice…"),  # never ":white_c"
        ("nice :tada: done", 12, "nice :tada:…"),
    ],
)
def test_truncate_never_splits_an_emoji_or_a_shortcode(text, limit, expected):
    assert truncate(text, limit) == expected


def test_truncate_cuts_escaped_text_between_entities_and_keeps_it_mrkdwn():
    cut = truncate(escape("a <b> & c " * 20), 12)
    assert cut == "a &lt;b&gt;…" and isinstance(cut, Mrkdwn)
    assert truncate(escape("R&D budget"), 6) == "R…"


def test_mention():
    assert mention("U1") == "<@U1>"


def test_due_in():
    assert due_in(date(2027, 3, 1), date(2027, 2, 27)) == "in 2 days"
    assert due_in(date(2027, 3, 1), date(2027, 3, 1)) == "due today"
    assert due_in(date(2027, 3, 1), date(2027, 3, 2)) == "1 day overdue"


TODAY = date(2027, 2, 15)
_ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)


@given(_ANY_FLOAT, _ANY_FLOAT, _ANY_FLOAT, st.sampled_from([None, "%", "$", "per month", "€ a week"]))
def test_no_stored_value_can_break_rendering(baseline, target, current, unit):
    """Whatever was stored before values were checked (inf, NaN, 2e307), the views still render."""
    fraction = pacing.progress(baseline, target, current) if math.isfinite(target - baseline) else current
    for text in (
        progress_bar(fraction),
        progress_bar(pacing.mean_progress([fraction, current])),
        format_value(current, unit),
        format_number(current),
    ):
        assert isinstance(text, str) and len(text) < 400
    assert isinstance(status_badge(pacing.pace_status(fraction, 0.5, today=TODAY, due=TODAY)), str)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1, "hours", "1 hour"),
        (2, "hours", "2 hours"),
        (1, "orders per month", "1 order per month"),
        (1, "boxes", "1 box"),
        (1, "%", "1%"),
        (1, "kg", "1 kg"),
        (1, "status", "1 status"),
        (-1, "days", "-1 day"),
        (1.5, "hours", "1.5 hours"),
    ],
)
def test_one_of_a_plural_unit_is_singular(value, unit, shown):
    assert format_value(value, unit) == shown


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0 goals"), (1, "1 goal"), (2, "2 goals"), (1200, "1,200 goals")]
)
def test_plural(count, shown):
    assert plural(count, "goal") == shown
