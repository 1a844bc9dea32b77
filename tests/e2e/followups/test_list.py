"""`/goals followups`: the open follow-ups, oldest first, with owner and age, paged in place, with
the post's buttons on each row."""

from datetime import UTC, datetime, timedelta

from handlers.ids import ActionId, BlockId
from tests.e2e.followups.helpers import FLAGGED, reply_bodies, updates
from tests.e2e.helpers import all_text, button_block, button_values, fill, opened_view
from tests.fixtures.bot import CHANNEL, MEMBER, OWNER
from tests.services.reports.factories import add_followup


def test_goals_followups_lists_open_ones_oldest_first_with_owner_and_age(bot_server, post):
    post(description="Newest: wrong size", created_at=FLAGGED)
    post(description="Oldest: late delivery", created_at=FLAGGED - timedelta(days=3))
    middle, _ = post(description="Middle: rude call", created_at=FLAGGED - timedelta(days=1))
    closed, _ = post(description="Closed: sorted", created_at=FLAGGED - timedelta(days=5))
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(middle), user_id=OWNER)
    bot_server.click(ActionId.FOLLOWUP_NOT_OURS, str(closed), user_id=OWNER)
    view = opened_view(bot_server.standin)
    bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Other shop"}), user_id=OWNER)
    bot_server.standin.settle()

    status, ack, _ = bot_server.command("followups")
    text = all_text(ack["blocks"])
    assert status == 200
    assert text.index("Oldest") < text.index("Middle") < text.index("Newest")
    assert "Closed: sorted" not in text
    assert f"<@{OWNER}>" in text and "nobody has taken it" in text
    assert "open 3 days" in text and "open 1 hour" in text  # the fixed clock is 15:00, an hour later


def test_a_page_past_the_end_says_how_many_pages_there_are(bot_server, post):
    post()
    _, ack, _ = bot_server.command("followups 2")
    text = all_text(ack["blocks"])
    assert "There is only 1 page" in text and "`/goals followups 1`" in text
    assert "of 1" not in text and "Mr Diaz" not in text


def test_an_anonymous_follow_up_is_as_old_as_its_post(bot_server, post):
    """Its date's midnight is not when anyone could see it: it was posted the next day at noon UTC."""
    bot_server.clock.now = datetime(2026, 11, 22, 12, 5, tzinfo=UTC)  # five minutes after its post time
    post(author_id=None)
    _, ack, _ = bot_server.command("followups")
    assert "open less than an hour" in all_text(ack["blocks"])
    bot_server.clock.now += timedelta(hours=3)
    _, ack, _ = bot_server.command("followups")
    assert "open 3 hours" in all_text(ack["blocks"])


def test_the_follow_up_list_has_the_posts_buttons_and_acting_there_updates_post_and_list(bot_server, post):
    first, _ = post(description="Late delivery")
    second, _ = post(description="Wrong size")
    _, ack, _ = bot_server.command("followups")
    assert button_values(ack["blocks"], ActionId.FOLLOWUP_TAKE) == [str(first), str(second)]
    assert button_values(ack["blocks"], ActionId.FOLLOWUP_RESOLVE) == [str(first), str(second)]
    block_id = button_block(ack["blocks"], ActionId.FOLLOWUP_TAKE, str(first))

    _, _, response_url = bot_server.click(
        ActionId.FOLLOWUP_TAKE, str(first), user_id=MEMBER, block_id=block_id, is_ephemeral=True
    )
    taken = updates(bot_server.standin, 1)[0]
    assert taken["channel"] == CHANNEL and f"Taken by <@{MEMBER}>" in all_text(taken["blocks"])
    [redrawn] = reply_bodies(bot_server, response_url)
    assert redrawn["replace_original"] is True
    assert button_values(redrawn["blocks"], ActionId.FOLLOWUP_TAKE) == [str(second)]
    assert f"<@{MEMBER}>" in all_text(redrawn["blocks"])

    block_id = button_block(redrawn["blocks"], ActionId.FOLLOWUP_NOT_OURS, str(second))
    _, _, response_url = bot_server.click(
        ActionId.FOLLOWUP_NOT_OURS, str(second), user_id=MEMBER, block_id=block_id, is_ephemeral=True
    )
    view = opened_view(bot_server.standin)
    bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Billing's"}), user_id=MEMBER)
    closed = updates(bot_server.standin, 2)[1]
    assert "Not ours" in all_text(closed["blocks"])
    [redrawn] = reply_bodies(bot_server, response_url)
    assert "Wrong size" not in all_text(redrawn["blocks"]) and "Late delivery" in all_text(redrawn["blocks"])


def test_more_and_previous_page_through_the_list_in_place(bot_server):
    for n in range(11):
        add_followup(
            bot_server.sessions, description=f"Customer {n}", created_at=FLAGGED + timedelta(minutes=n)
        )
    _, ack, _ = bot_server.command("followups")
    assert button_values(ack["blocks"], ActionId.FOLLOWUP_LIST_PAGE) == ["2"]
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_LIST_PAGE, "2", is_ephemeral=True)
    [second] = reply_bodies(bot_server, response_url)
    assert "Customer 10" in all_text(second["blocks"]) and "Customer 9" not in all_text(second["blocks"])
    assert button_values(second["blocks"], ActionId.FOLLOWUP_LIST_PREVIOUS) == ["1"]
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_LIST_PREVIOUS, "1", is_ephemeral=True)
    [first] = reply_bodies(bot_server, response_url)
    assert "Customer 0" in all_text(first["blocks"]) and first["replace_original"] is True
