"""The App Home tab: my goals, and the month's main goals of the channels I am in."""

from tests.e2e.helpers import all_text


def _home_for(bot_server, user_id: str, nth: int) -> dict:
    bot_server.event({"type": "app_home_opened", "user": user_id, "tab": "home", "channel": "D1"})
    published = bot_server.standin.wait_for("views.publish", count=nth)[nth - 1]
    assert published.body["user_id"] == user_id
    return published.body["view"]


def test_a_member_sees_the_main_goal_of_their_channel_but_not_of_others(bot_server, make_goal):
    ours = make_goal()
    theirs = make_goal(
        "Cut refund requests from 40 to 25 by 2027-02-28 because refunds eat the margin",
        channel_id="C_WAREHOUSE",
    )
    bot_server.command(f"focus G{ours}")
    bot_server.command(f"focus G{theirs}", channel_id="C_WAREHOUSE")

    shown = all_text(_home_for(bot_server, "U_MEMBER", 1))
    assert f"G{ours}" in shown and "CSAT" in shown
    assert f"G{theirs}" not in shown


def test_the_owner_sees_their_goals_with_progress(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"update O{goal_id} 81.5")
    shown = all_text(_home_for(bot_server, "U_OWNER", 1))
    assert f"G{goal_id}" in shown and "50%" in shown  # (81.5-78)/(85-78)
