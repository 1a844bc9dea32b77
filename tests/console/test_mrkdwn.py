import pytest

from bot.entrypoints.console.mrkdwn import plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*Due*\n2027-03-31", "Due\n2027-03-31"),
        ("_soon_ and ~gone~", "soon and gone"),
        ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
        ("<@U_ALICE> and <@U123|carol>", "@alice and @carol"),
        ("<#C_GENERAL> and <#C9|ops>", "#general and #ops"),
        ("<https://example.com/doc|the doc> or <https://example.com>", "the doc or https://example.com"),
        ("<!here> <!channel> <!subteam^S1|@leads>", "@here @channel @leads"),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
        ("&lt;b&gt; &amp;lt;", "<b> &lt;"),
        (":white_check_mark: done :unknown_code:", "✅ done :unknown_code:"),
        ("`/goals show G1`", "`/goals show G1`"),
    ],
)
def test_mrkdwn_becomes_plain_text(text, expected):
    assert plain({"type": "mrkdwn", "text": text}) == expected


def test_known_names_win_over_ids():
    assert plain("<@U1> in <#C1>", users={"U1": "dana"}, channels={"C1": "ops"}) == "@dana in #ops"


def test_plain_text_objects_keep_their_markers_but_show_emoji():
    assert plain({"type": "plain_text", "text": "*not bold* :bulb:"}) == "*not bold* 💡"


def test_nothing_is_empty():
    assert plain(None) == ""


def test_a_date_token_reads_in_the_readers_zone_or_falls_back_to_its_text():
    from zoneinfo import ZoneInfo

    from bot.entrypoints.console.mrkdwn import reading_in

    text = "due <!date^1814443200^{date_short_pretty} {time}|2027-07-01 12:00 UTC>"
    assert plain(text) == "due 2027-07-01 12:00 UTC"
    with reading_in(ZoneInfo("America/New_York")):
        assert plain(text) == "due Jul 1, 2027 08:00"
        assert plain("<!date^1814443200^{date_long}|x>") == "Thursday, July 1st, 2027"
        assert plain("<!date^1814443200^{ago}|a while ago>") == "a while ago"  # needs today: fallback
    with reading_in(ZoneInfo("Asia/Tokyo")):
        assert plain(text) == "due Jul 1, 2027 21:00"
