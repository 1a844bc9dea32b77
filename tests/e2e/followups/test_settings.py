"""The channel's follow-up settings: `/goals followups due`, and `/goals followups channel` taking a
name, a link or an id and refusing a channel the bot could not post in."""

import pytest

from tests.e2e.followups.helpers import post_channel
from tests.e2e.helpers import all_text


def test_goals_followups_due_sets_and_shows_the_channel_setting(bot_server, make_goal):
    make_goal()
    _, ack, _ = bot_server.command("followups due 24h")
    assert "24 hours" in all_text(ack)
    _, ack, _ = bot_server.command("followups due soon")
    assert "/goals followups due 24h" in all_text(ack)
    _, ack, _ = bot_server.command("followups settings")
    assert "24 hours" in all_text(ack)


@pytest.mark.parametrize(
    "typed",
    ["#cs-escalations", "cs-escalations", "<#C_ESCALATE|cs-escalations>", "<#C_ESCALATE>", "C_ESCALATE"],
)
def test_followups_channel_takes_a_name_a_link_or_an_id(bot_server, make_goal, typed):
    """With `should_escape: false` Slack sends `#cs-escalations` as typed: it is looked up by name."""
    make_goal()
    bot_server.standin.add_channel("C_ESCALATE", name="cs-escalations")
    status, _, response_url = bot_server.command(f"followups channel {typed}")
    assert status == 200
    [reply] = bot_server.awaited_replies(response_url)
    assert "✅" in reply["text"] and "<#C_ESCALATE>" in reply["text"]
    assert post_channel(bot_server) == "C_ESCALATE"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("CNOPE0000", "I can't find the channel CNOPE0000"),
        ("#nope", "I can't find the channel #nope"),
        ("#secret", "I can't find the channel #secret"),  # private, and the bot isn't in it
        ("#random", "I'm not in <#C_RANDOM>"),
        ("C_OLD", "<#C_OLD> is archived"),
    ],
)
def test_followups_channel_refuses_a_channel_it_could_not_post_in(bot_server, make_goal, typed, said):
    make_goal()
    bot_server.standin.add_channel("C_RANDOM", name="random", bot_member=False)
    bot_server.standin.add_channel("G_SECRET", name="secret", bot_member=False)
    bot_server.standin.add_channel("C_OLD", name="old", is_archived=True)
    _, _, response_url = bot_server.command(f"followups channel {typed}")
    [reply] = bot_server.awaited_replies(response_url)
    assert said in reply["text"] and "nothing changed" in reply["text"], reply["text"]
    assert post_channel(bot_server) is None
    # Slack's own "no such channel" to the lookup is the expected answer here, not a bad payload.
    assert {r.error for r in bot_server.standin.rejections()} <= {"channel_not_found"}
    bot_server.standin.clear()


def test_followups_channel_here_needs_no_lookup(bot_server, make_goal):
    make_goal()
    _, ack, _ = bot_server.command("followups channel here")
    assert "posted in this channel" in all_text(ack)
    bot_server.standin.settle()
    assert bot_server.standin.calls("conversations.list") == []
