from handlers.views.measurement_notices import build_measurement_recorded
from handlers.views.notices import build_error
from tests.handlers.views.factories import make_objective


def test_errors_keep_our_mentions_but_defuse_everything_else():
    text = build_error("Only <@U_OWNER> may change “<!channel> & co”")[0].to_dict()["text"]["text"]
    assert "<@U_OWNER>" in text
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; co" in text


def test_errors_keep_our_channel_mentions_too():
    text = build_error("That check-in for <#C_GENERAL> has closed.")[0].to_dict()["text"]["text"]
    assert "<#C_GENERAL>" in text


def test_a_recorded_measurement_says_what_it_was_before_and_which_goal():
    blocks = build_measurement_recorded(
        make_objective(current=83.5, unit="%"), "Raise CSAT", previous=81, goal_ref="G3"
    )
    text = blocks[0].to_dict()["text"]["text"]
    assert "*83.5%* (was 81%)" in text and "(goal G3: Raise CSAT)" in text
