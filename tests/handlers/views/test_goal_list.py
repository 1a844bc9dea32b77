from bot.domain.enums import PaceStatus
from handlers.ids import ActionId
from handlers.views.goal_list import build_goal_list
from tests.handlers.views.factories import make_goal, make_objective, many_goals
from tests.handlers.views.slack_checks import all_texts, message_dicts


def test_each_goal_has_a_summary_an_open_button_and_its_objectives():
    goals = [
        make_goal(is_focus=True),
        make_goal(
            id=13,
            ref="G13",
            title="Grow repeat orders",
            pace=PaceStatus.ON_TRACK,
            progress=0.6,
            objectives=(
                make_objective(
                    id=8,
                    ref="O8",
                    metric="Repeat orders",
                    unit="per month",
                    baseline=1000.0,
                    current=1120.0,
                    target=1200.0,
                    progress=0.6,
                    status=PaceStatus.ON_TRACK,
                ),
            ),
        ),
    ]
    blocks = message_dicts(build_goal_list(goals, channel_id="C123"))
    assert blocks[0]["text"]["text"] == "*Goals in <#C123>*"
    first, first_objectives = blocks[1], blocks[2]
    assert first["text"]["text"] == (
        "*G12 · Raise CSAT from 78 to 85*  :dart: Main goal this month\n"
        "Quarterly · due 2027-03-31 · :large_yellow_circle: at risk\n"
        "▰▰▰▱▱▱▱▱▱▱ 30%"
    )
    assert (first["accessory"]["action_id"], first["accessory"]["value"]) == (ActionId.SHOW_GOAL, "12")
    assert first_objectives["elements"][0]["text"] == (
        "O7 · CSAT score: 80.1% → 85% · ▰▰▰▱▱▱▱▱▱▱ 30% · :large_yellow_circle: at risk"
    )
    assert "Main goal this month" not in blocks[3]["text"]["text"]
    assert "O8 · Repeat orders: 1,120 per month → 1,200 per month" in blocks[4]["elements"][0]["text"]


def test_empty_list_says_how_to_start():
    blocks = message_dicts(build_goal_list([], channel_id=None))
    assert blocks[0]["text"]["text"] == "*Goals*"
    assert blocks[1]["text"]["text"].startswith(
        "No goals here yet. Try `/goals new Raise CSAT from 78 to 85 by"
    )


def test_goal_without_objectives_says_so():
    blocks = message_dicts(build_goal_list([make_goal(objectives=())], channel_id="C1"))
    assert blocks[2]["elements"][0]["text"].startswith("No objectives yet")


def test_user_text_cannot_ping_the_channel():
    goal = make_goal(title="<!channel> look", objectives=(make_objective(metric="<!here>", unit="<b>"),))
    texts = " ".join(all_texts(message_dicts(build_goal_list([goal], channel_id="C1"))))
    assert "<!" not in texts
    assert "&lt;!channel&gt; look" in texts


def test_500_goals_are_capped_with_a_count():
    blocks = message_dicts(build_goal_list(many_goals(500), channel_id="C1"))
    assert len(blocks) <= 50
    shown = sum(1 for block in blocks if block.get("accessory", {}).get("action_id") == ActionId.SHOW_GOAL)
    assert blocks[-1]["elements"][0]["text"] == f"…and {500 - shown} more goals"


def test_5000_character_titles_fit():
    message_dicts(build_goal_list(many_goals(30, title="CSAT " * 1000), channel_id="C1"))
