"""Customer follow-ups through the HTTP entry point: posted by the tick, taken, resolved or "not
ours" with their forms, the post updated with chat.update, the flagger told unless anonymous."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.slack.standin.directory import dm_id
from handlers.followups.tick import followups_tick_pass
from handlers.ids import ActionId, BlockId
from models.followups import FollowupSettings
from tests.e2e.helpers import all_text, button_block, button_values, fill, opened_view
from tests.fixtures.bot import ADMIN, CHANNEL, MEMBER, OWNER
from tests.services.reports.factories import add_followup

FLAGGED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


@pytest.fixture
def post(bot_server):
    """Flags a follow-up and runs the tick's pass; returns its id and the posted message."""
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    ctx = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "test")

    def make(*, author_id=MEMBER, description="Mr Diaz was double charged", created_at=FLAGGED):
        local = created_at.date() if author_id else date(2026, 11, 21)
        followup_id = add_followup(
            bot_server.sessions,
            author_id=author_id,
            description=description,
            created_at=created_at,
            local_date=local,
        )
        assert followups_tick_pass(ctx, bot_server.clock.now).sent >= 1
        ts = bot_server.standin.last("chat.postMessage").body
        return followup_id, ts

    return make


def _updates(standin, count):
    return [c.body for c in standin.wait_for("chat.update", count=count)]


def _dm_bodies(standin, user_id):
    return [c.body for c in standin.calls("chat.postMessage") if c.body["channel"] == user_id]


def test_take_then_resolve_updates_the_post_and_tells_the_flagger(bot_server, post):
    followup_id, message = post()
    assert button_values(message["blocks"], ActionId.FOLLOWUP_TAKE) == [str(followup_id)]

    status, _, _ = bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    assert status == 200
    taken = _updates(bot_server.standin, 1)[0]
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
    resolved = _updates(bot_server.standin, 2)[1]
    assert "Resolved" in all_text(resolved["blocks"]) and "Refunded" in all_text(resolved["blocks"])
    assert button_values(resolved["blocks"], ActionId.FOLLOWUP_RESOLVE) == []
    bot_server.standin.settle()
    told = _dm_bodies(bot_server.standin, MEMBER)
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
    updated = _updates(bot_server.standin, 1)[0]
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
    _updates(bot_server.standin, 1)

    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=MEMBER)
    bot_server.standin.settle()
    replies = bot_server.awaited_replies(response_url)
    assert len(replies) == 1 and "already resolved" in replies[0]["text"] and OWNER in replies[0]["text"]
    assert len(bot_server.standin.calls("chat.update")) == 1


def test_only_the_owner_or_an_admin_may_close_a_taken_follow_up(bot_server, post):
    followup_id, _ = post()
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    _updates(bot_server.standin, 1)
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


def test_goals_followups_due_sets_and_shows_the_channel_setting(bot_server, make_goal):
    make_goal()
    _, ack, _ = bot_server.command("followups due 24h")
    assert "24 hours" in all_text(ack)
    _, ack, _ = bot_server.command("followups due soon")
    assert "/goals followups due 24h" in all_text(ack)
    _, ack, _ = bot_server.command("followups settings")
    assert "24 hours" in all_text(ack)


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


def _post_channel(bot_server):
    with bot_server.sessions() as session:
        row = session.query(FollowupSettings).one_or_none()
        return row.post_channel_id if row else None


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
    assert _post_channel(bot_server) == "C_ESCALATE"


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
    assert _post_channel(bot_server) is None
    # Slack's own "no such channel" to the lookup is the expected answer here, not a bad payload.
    assert {r.error for r in bot_server.standin.rejections()} <= {"channel_not_found"}
    bot_server.standin.clear()


def test_followups_channel_here_needs_no_lookup(bot_server, make_goal):
    make_goal()
    _, ack, _ = bot_server.command("followups channel here")
    assert "posted in this channel" in all_text(ack)
    bot_server.standin.settle()
    assert bot_server.standin.calls("conversations.list") == []


@pytest.fixture
def tick(bot_server):
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    ctx = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "test")
    return lambda now: followups_tick_pass(ctx, now)


def _reply_bodies(bot_server, response_url):
    bot_server.awaited_replies(response_url)
    bot_server.standin.settle()
    return bot_server.replies(response_url)


def test_the_owners_overdue_reminder_has_the_posts_buttons_and_closing_there_updates_the_post(
    bot_server, post, tick
):
    followup_id, _ = post()
    message_ts = bot_server.standin.last("chat.postMessage").answer["ts"]
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(followup_id), user_id=OWNER)
    _updates(bot_server.standin, 1)
    assert tick(FLAGGED + timedelta(hours=49)).sent == 1  # 10:00 in New York, two days on
    [reminder] = _dm_bodies(bot_server.standin, OWNER)
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

    resolved = _updates(bot_server.standin, 2)[1]  # the post in the channel, wherever it was pressed
    assert (resolved["channel"], resolved["ts"]) == (CHANNEL, message_ts)
    assert "Resolved" in all_text(resolved["blocks"]) and "Refunded" in all_text(resolved["blocks"])
    [redrawn] = _reply_bodies(bot_server, response_url)  # the DM's reminder, redrawn in place
    assert redrawn["replace_original"] is True and "Resolved" in all_text(redrawn["blocks"])
    assert button_values(redrawn["blocks"], ActionId.FOLLOWUP_RESOLVE) == []


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
    taken = _updates(bot_server.standin, 1)[0]
    assert taken["channel"] == CHANNEL and f"Taken by <@{MEMBER}>" in all_text(taken["blocks"])
    [redrawn] = _reply_bodies(bot_server, response_url)
    assert redrawn["replace_original"] is True
    assert button_values(redrawn["blocks"], ActionId.FOLLOWUP_TAKE) == [str(second)]
    assert f"<@{MEMBER}>" in all_text(redrawn["blocks"])

    block_id = button_block(redrawn["blocks"], ActionId.FOLLOWUP_NOT_OURS, str(second))
    _, _, response_url = bot_server.click(
        ActionId.FOLLOWUP_NOT_OURS, str(second), user_id=MEMBER, block_id=block_id, is_ephemeral=True
    )
    view = opened_view(bot_server.standin)
    bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Billing's"}), user_id=MEMBER)
    closed = _updates(bot_server.standin, 2)[1]
    assert "Not ours" in all_text(closed["blocks"])
    [redrawn] = _reply_bodies(bot_server, response_url)
    assert "Wrong size" not in all_text(redrawn["blocks"]) and "Late delivery" in all_text(redrawn["blocks"])


def test_more_and_previous_page_through_the_list_in_place(bot_server):
    for n in range(11):
        add_followup(
            bot_server.sessions, description=f"Customer {n}", created_at=FLAGGED + timedelta(minutes=n)
        )
    _, ack, _ = bot_server.command("followups")
    assert button_values(ack["blocks"], ActionId.FOLLOWUP_LIST_PAGE) == ["2"]
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_LIST_PAGE, "2", is_ephemeral=True)
    [second] = _reply_bodies(bot_server, response_url)
    assert "Customer 10" in all_text(second["blocks"]) and "Customer 9" not in all_text(second["blocks"])
    assert button_values(second["blocks"], ActionId.FOLLOWUP_LIST_PREVIOUS) == ["1"]
    _, _, response_url = bot_server.click(ActionId.FOLLOWUP_LIST_PREVIOUS, "1", is_ephemeral=True)
    [first] = _reply_bodies(bot_server, response_url)
    assert "Customer 0" in all_text(first["blocks"]) and first["replace_original"] is True
