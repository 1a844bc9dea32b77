"""Text longer than Slack accepts is cut with a note saying how much was left out, never silently."""

import pytest

from handlers.views import limits
from handlers.views.blocks import context, section


@pytest.mark.parametrize("length", [3001, 5000, 100_000])
def test_a_long_section_says_how_much_was_cut(length):
    text = "word " * (length // 5) + "x" * (length % 5)

    shown = section(text).text.text

    assert len(shown) <= limits.SECTION_TEXT
    kept = shown.index("…")
    assert shown.endswith(f"({length - kept:,} more characters not shown)")


def test_text_within_the_limit_is_untouched():
    text = "x" * limits.SECTION_TEXT

    assert section(text).text.text == text
    assert context(text).elements[0].text == text


def test_a_limit_too_small_for_the_note_still_fits():
    assert limits.fit_text("abcdefghij" * 10, 20) == "abcdefghijabcdefghi…"
