from handlers.views.goal_messages import build_error


def test_errors_keep_our_mentions_but_defuse_everything_else():
    text = build_error("Only <@U_OWNER> may change “<!channel> & co”")[0].to_dict()["text"]["text"]
    assert "<@U_OWNER>" in text
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; co" in text
