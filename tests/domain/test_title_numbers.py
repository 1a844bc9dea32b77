from bot.domain.drafts import ObjectiveDraft
from bot.domain.enums import SmartPart
from bot.domain.title_numbers import stale_title, title_numbers

TITLE = "Raise CSAT from 78 to 85 by 2027-03-31"


def test_title_numbers_skip_dates():
    assert title_numbers(TITLE) == {78, 85}
    assert title_numbers("Grow orders to 1,200 per month, 85%") == {1200, 85}


def test_a_changed_target_the_title_states_flags_the_title():
    problems = stale_title(TITLE, [(78, 85)], [ObjectiveDraft("CSAT", None, 78, 88)])

    assert [(p.part, p.field) for p in problems] == [(SmartPart.SPECIFIC, "title")]
    assert problems[0].hint == "The title still says 85, but the target is now 88. Update the title to match."


def test_a_changed_baseline_is_flagged_too():
    problems = stale_title(TITLE, [(78, 85)], [ObjectiveDraft("CSAT", None, 80, 85)])
    assert "80" in problems[0].hint and "baseline" in problems[0].hint


def test_nothing_to_flag():
    unchanged = [ObjectiveDraft("CSAT", None, 78, 85)]
    assert stale_title(TITLE, [(78, 85)], unchanged) == []
    # The title already says the new number, or never stated the old one.
    assert stale_title("Raise CSAT from 78 to 88", [(78, 85)], [ObjectiveDraft("CSAT", None, 78, 88)]) == []
    assert stale_title("Delight our regulars", [(78, 85)], [ObjectiveDraft("CSAT", None, 78, 88)]) == []
    # A cleared row keeps its objective, so it changes nothing.
    assert stale_title(TITLE, [(78, 85)], [ObjectiveDraft()]) == []
