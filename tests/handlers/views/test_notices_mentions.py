from handlers.views.format import Mrkdwn, channel_mention, escape, mention
from handlers.views.measurement_notices import build_measurement_recorded
from handlers.views.notices import build_error
from tests.handlers.views.factories import make_objective


def test_an_error_worded_as_mrkdwn_keeps_our_mentions_and_is_not_escaped_again():
    typed = escape("<!channel> & co")
    worded = Mrkdwn(f"Only {mention('U_OWNER')} may change “{typed}” in {channel_mention('C1')}")
    text = build_error(worded)[0].to_dict()["text"]["text"]
    assert "<@U_OWNER>" in text and "<#C1>" in text
    assert "“&lt;!channel&gt; &amp; co”" in text and "&amp;lt;" not in text


def test_plain_error_text_is_escaped_whole_so_a_typed_mention_pings_no_one():
    text = build_error("`/goals` has no `<@U999> <#C999> <!here>`")[0].to_dict()["text"]["text"]
    assert "<" not in text and "&lt;@U999&gt; &lt;#C999&gt; &lt;!here&gt;" in text


def test_a_recorded_measurement_says_what_it_was_before_and_which_goal():
    blocks = build_measurement_recorded(
        make_objective(current=83.5, unit="%"), "Raise CSAT", previous=81, goal_ref="G3"
    )
    text = blocks[0].to_dict()["text"]["text"]
    assert "*83.5%* (was 81%)" in text and "(goal G3: Raise CSAT)" in text
