"""`/goals list` through the HTTP server: pages, the More button, archived goals, bad arguments."""

from handlers.ids import ActionId
from tests.e2e.helpers import all_text, button_values
from tests.fixtures.bot import MEMBER

GOAL = "Raise metric{n} from 10 to 90 by 2027-{month:02d}-28 because the list needs many goals"


def make_goals(make_goal, n: int) -> list[int]:
    """n goals, each due a month after the one before, so the list shows them in this order."""
    return [make_goal(GOAL.format(n=i, month=i + 1)) for i in range(n)]


def shown_ids(blocks) -> list[int]:
    return [int(value) for value in button_values(blocks, ActionId.SHOW_GOAL)]


def test_the_list_pages_and_more_shows_the_rest(bot_server, make_goal):
    ids = make_goals(make_goal, 12)

    status, ack, _ = bot_server.command("list")

    assert status == 200 and ack["text"] == "12 goals here."
    assert shown_ids(ack["blocks"]) == ids[:10]
    assert "Goals 1–10 of 12 · page 1 of 2" in all_text(ack)
    assert button_values(ack["blocks"], ActionId.LIST_MORE) == ["2"]

    _, _, response_url = bot_server.click(ActionId.LIST_MORE, "2")
    bot_server.standin.wait_for("response_url")
    [second] = bot_server.replies(response_url)
    assert second["replace_original"] is True
    assert shown_ids(second["blocks"]) == ids[10:]
    assert "Goals 11–12 of 12 · page 2 of 2" in all_text(second)
    assert button_values(second["blocks"], ActionId.LIST_PREVIOUS) == ["1"]
    assert button_values(second["blocks"], ActionId.LIST_MORE) == []

    _, typed, _ = bot_server.command("list 2")
    assert shown_ids(typed["blocks"]) == ids[10:]


def test_a_page_past_the_end_says_how_many_there_are(bot_server, make_goal):
    make_goals(make_goal, 2)

    _, ack, _ = bot_server.command("list 4")

    assert "There is only 1 page here. Try `/goals list 1`." in all_text(ack)


def test_archived_goals_have_their_own_list(bot_server, make_goal):
    kept, gone = make_goals(make_goal, 2)
    bot_server.command(f"archive G{gone}")
    bot_server.standin.wait_for("response_url")  # the question: archiving asks first
    bot_server.click(ActionId.ARCHIVE_CONFIRM, str(gone))
    bot_server.standin.wait_for("response_url", 2)

    _, active, _ = bot_server.command("list")
    _, archived, _ = bot_server.command("list archived")

    assert shown_ids(active["blocks"]) == [kept]
    assert archived["text"] == "1 archived goals here."
    assert f"G{gone}" in all_text(archived) and f"G{kept}" not in all_text(archived)
    assert button_values(archived["blocks"], ActionId.SHOW_GOAL) == []  # nothing to open


def test_list_with_junk_says_what_to_type(bot_server):
    status, ack, _ = bot_server.command("list everything")

    assert status == 200
    assert "`/goals list 2`" in all_text(ack) and "`/goals list archived`" in all_text(ack)


def test_a_stale_page_button_says_what_to_do(bot_server):
    _, _, response_url = bot_server.click(ActionId.LIST_MORE, "lots")
    bot_server.standin.wait_for("response_url")

    assert "Run `/goals list`" in all_text(bot_server.replies(response_url))


def test_the_answer_does_not_wait_for_the_web_api(bot_server, make_goal):
    goal_id = make_goal()
    # users.info (is this non-owner an admin?) is slow to answer.
    bot_server.standin.stall_next("users.info", seconds=2)

    status, ack, response_url = bot_server.command(f"show G{goal_id}", user_id=MEMBER)

    assert status == 200 and ack is None
    assert bot_server.replies(response_url) == []
    bot_server.standin.wait_for("response_url")  # the tree follows once Slack has answered
    assert f"G{goal_id}" in all_text(bot_server.replies(response_url))


def test_the_list_shows_each_change_at_once(bot_server, make_goal):
    """The list is cached per process; every write must show in the very next list."""
    make_goal()
    _, before, _ = bot_server.command("list")
    assert before["text"] == "1 goals here." and "81" not in all_text(before)

    _, said, _ = bot_server.command("update CSAT 81")
    assert "81" in all_text(said)
    _, updated, _ = bot_server.command("list")
    assert "81" in all_text(updated)

    _, said, _ = bot_server.command("update CSAT undo")
    assert "Undid" in all_text(said)
    _, undone, _ = bot_server.command("list")
    assert "81" not in all_text(undone)

    make_goal("Cut refund time from 48 to 24 by 2027-03-31 because waiting customers churn")
    _, grown, _ = bot_server.command("list")
    assert grown["text"] == "2 goals here."
