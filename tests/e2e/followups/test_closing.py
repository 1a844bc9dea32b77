"""Closing a customer follow-up through the HTTP entry point: taken, resolved or "not ours" with
its forms, from the post or the owner's overdue reminder; the post updated with chat.update, the
flagger told unless anonymous; stale, foreign and tampered buttons refused."""

from datetime import timedelta

import pytest

from bot.slack.standin.directory import dm_id
from handlers.ids import ActionId, BlockId
from tests.e2e.followups.helpers import FLAGGED, dm_bodies, reply_bodies, updates
from tests.e2e.helpers import all_text, button_block, button_values, fill, opened_view
from tests.fixtures.bot import ADMIN, CHANNEL, MEMBER, OWNER


def test_take_then_resolve_updates_the_post_and_tells_the_flagger(bot_server, post):
    followup_id, message = post()
    assert button_values(message["blocks"], ActionId.FOLLOWUP_TAKE) == [str(followup_id)]

    status, _, _ = bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    assert status == 200
    taken = updates(bot_server.standin, 1)[0]
    assert f"Taken by <@{OWNER}>" in all_text(taken["blocks"])
    assert button_values(taken["blocks"], ActionId.FOLLOWUP_TAKE) == []
    assert button_values(taken["blocks"], ActionId.FOLLOWUP_RESOLVE) == [str(followup_id)]

    bot_server.click(ActionId.FOLLOWUP_RESOLVE, str(followup_id), user_id=OWNER)
    view = opened_view(bot_server.standin)
    assert "Resolution note" in all_text(view)
    status, answer = bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: ""}), user_id=OWNER)
    assert answer["response_action"] == "errors" and BlockId.FOLLOWUP_NOTE in answer["errors"]

    status, answer = bot_server.submit(
        view, fill(view, {BlockId.FOLLOWUP_NOTE: "Refunded, apologised by phone"}), user_id=OWNER
    )
    assert status == 200 and not answer
    resolved = updates(bot_server.standin, 2)[1]
    assert "Resolved" in all_text(resolved["blocks"]) and "Refunded" in all_text(resolved["blocks"])
    assert button_values(resolved["blocks"], ActionId.FOLLOWUP_RESOLVE) == []
    bot_server.standin.settle()
    told = dm_bodies(bot_server.standin, MEMBER)
    assert len(told) == 1 and "Refunded" in all_text(told[0]) and "Mr Diaz" in all_text(told[0])


def test_an_anonymous_follow_up_closes_in_its_thread_and_nobody_is_dmed(bot_server, post):
    followup_id, message = post(author_id=None)
    assert "anonymous" in all_text(message["blocks"])
    bot_server.click(ActionId.FOLLOWUP_NOT_OURS, str(followup_id), user_id=MEMBER)
    view = opened_view(bot_server.standin)
    assert "not ours" in all_text(view).lower()
    status, answer = bot_server.submit(
        view, fill(view, {BlockId.FOLLOWUP_NOTE: "Billing handles refunds"}), user_id=MEMBER
    )
    assert status == 200 and not answer
    updated = updates(bot_server.standin, 1)[0]
    assert "Not ours" in all_text(updated["blocks"])
    bot_server.standin.settle()
    posts = [c.body for c in bot_server.standin.calls("chat.postMessage")]
    assert [p["channel"] for p in posts] == [CHANNEL, CHANNEL]
    assert posts[1].get("thread_ts") and "Billing handles refunds" in all_text(posts[1])


def test_a_stale_button_says_who_closed_it_and_changes_nothing(bot_server, post):
    followup_id, _ = post()
    bot_server.click(ActionId.FOLLOWUP_RESOLVE, str(followup_id), user_id=OWNER)
    view = opened_view(bot_server.standin)
    bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Done"}), user_id=OWNER)
    updates(bot_server.standin, 1)

    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=MEMBER)
    bot_server.standin.settle()
    replies = bot_server.awaited_replies(response_url)
    assert len(replies) == 1 and "already resolved" in replies[0]["text"] and OWNER in replies[0]["text"]
    assert len(bot_server.standin.calls("chat.update")) == 1


def test_only_the_owner_or_an_admin_may_close_a_taken_follow_up(bot_server, post):
    followup_id, _ = post()
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    updates(bot_server.standin, 1)
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_RESOLVE, str(followup_id), user_id=MEMBER)
    bot_server.standin.settle()
    assert "only they or a workspace admin" in bot_server.awaited_replies(response_url)[0]["text"]
    assert bot_server.standin.calls("views.open") == []
    bot_server.click(ActionId.FOLLOWUP_RESOLVE, str(followup_id), user_id=ADMIN)
    assert "Resolution note" in all_text(opened_view(bot_server.standin))


@pytest.mark.parametrize("value", ["999999", "abc", "-1"])
def test_unknown_or_tampered_follow_up_ids_get_a_clear_answer(bot_server, post, value):
    post()
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_TAKE, value, user_id=MEMBER)
    bot_server.standin.settle()
    text = bot_server.awaited_replies(response_url)[0]["text"]
    assert "/goals followups" in text
    assert bot_server.standin.calls("chat.update") == []


def test_another_workspace_cannot_touch_a_follow_up(bot_server, post):
    followup_id, _ = post()
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), team_id="T2")
    bot_server.standin.settle()
    assert f"can't find follow-up F{followup_id}" in bot_server.awaited_replies(response_url)[0]["text"]
    assert bot_server.standin.calls("chat.update") == []


def test_the_owners_overdue_reminder_has_the_posts_buttons_and_closing_there_updates_the_post(
    bot_server, post, tick
):
    followup_id, _ = post()
    message_ts = bot_server.standin.last("chat.postMessage").answer["ts"]
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    updates(bot_server.standin, 1)
    assert tick(FLAGGED + timedelta(hours=49)).sent == 1  # 10:00 in New York, two days on
    [reminder] = dm_bodies(bot_server.standin, OWNER)
    assert button_values(reminder["blocks"], ActionId.FOLLOWUP_RESOLVE) == [str(followup_id)]
    assert button_values(reminder["blocks"], ActionId.FOLLOWUP_NOT_OURS) == [str(followup_id)]
    block_id = button_block(reminder["blocks"], ActionId.FOLLOWUP_RESOLVE, str(followup_id))

    dm = dm_id(OWNER)
    _, _, response_url = bot_server.click(
        ActionId.FOLLOWUP_RESOLVE, str(followup_id), user_id=OWNER, channel_id=dm, block_id=block_id
    )
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Refunded"}), user_id=OWNER)
    assert status == 200 and not answer

    resolved = updates(bot_server.standin, 2)[1]  # the post in the channel, wherever it was pressed
    assert (resolved["channel"], resolved["ts"]) == (CHANNEL, message_ts)
    assert "Resolved" in all_text(resolved["blocks"]) and "Refunded" in all_text(resolved["blocks"])
    [redrawn] = reply_bodies(bot_server, response_url)  # the DM's reminder, redrawn in place
    assert redrawn["replace_original"] is True and "Resolved" in all_text(redrawn["blocks"])
    assert button_values(redrawn["blocks"], ActionId.FOLLOWUP_RESOLVE) == []
