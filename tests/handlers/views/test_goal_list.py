from dataclasses import replace

import pytest

from bot.domain.enums import GoalStatus, PaceStatus
from bot.services.read_models import GoalPage
from handlers.ids import ActionId
from handlers.views.goal_list import build_goal_list, goal_list_message
from tests.handlers.views.factories import make_goal, make_objective, many_goals
from tests.handlers.views.slack_checks import all_texts, message_dicts


def page_of(goals, *, page=1, total=None, page_size=10, archived=False) -> GoalPage:
    total = len(goals) if total is None else total
    return GoalPage(goals=tuple(goals), page=page, page_size=page_size, total=total, archived=archived)


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
    blocks = message_dicts(build_goal_list(page_of(goals), channel_id="C123"))
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
    blocks = message_dicts(build_goal_list(page_of([]), channel_id=None))
    assert blocks[0]["text"]["text"] == "*Goals*"
    assert blocks[1]["text"]["text"].startswith(
        "No goals here yet. Try `/goals new Raise CSAT from 78 to 85 by"
    )


def test_goal_without_objectives_says_so():
    blocks = message_dicts(build_goal_list(page_of([make_goal(objectives=())]), channel_id="C1"))
    assert blocks[2]["elements"][0]["text"].startswith("No objectives yet")


def test_user_text_cannot_ping_the_channel():
    goal = make_goal(title="<!channel> look", objectives=(make_objective(metric="<!here>", unit="<b>"),))
    texts = " ".join(all_texts(message_dicts(build_goal_list(page_of([goal]), channel_id="C1"))))
    assert "<!" not in texts
    assert "&lt;!channel&gt; look" in texts


def buttons(blocks) -> dict[str, str]:
    return {
        element["action_id"]: element["value"]
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    }


def test_a_middle_page_of_500_says_where_it_is_and_pages_both_ways():
    blocks = message_dicts(build_goal_list(page_of(many_goals(10), page=7, total=500), channel_id="C1"))

    assert len(blocks) <= 50
    assert blocks[-2]["elements"][0]["text"] == "Goals 61–70 of 500 · page 7 of 50"
    assert buttons(blocks) == {ActionId.LIST_PREVIOUS: "6", ActionId.LIST_MORE: "8"}


def test_a_single_page_has_no_paging_buttons():
    blocks = message_dicts(build_goal_list(page_of(many_goals(1)), channel_id="C1"))

    assert blocks[-1]["elements"][0]["text"] == "Goals 1 of 1"
    assert buttons(blocks) == {}


def test_archived_goals_page_with_archived_in_the_buttons_and_no_open_button():
    goals = [replace(g, status=GoalStatus.ARCHIVED) for g in many_goals(10)]
    page = page_of(goals, page=2, total=25, archived=True)

    blocks = message_dicts(build_goal_list(page, channel_id="C1"))

    assert blocks[0]["text"]["text"] == "*Archived goals in <#C1>*"
    assert buttons(blocks) == {ActionId.LIST_PREVIOUS: "archived 1", ActionId.LIST_MORE: "archived 3"}
    assert not any(block.get("accessory") for block in blocks)
    assert "_archived_" in blocks[1]["text"]["text"]


def test_no_archived_goals_says_so():
    blocks = message_dicts(build_goal_list(page_of([], archived=True), channel_id="C1"))

    assert blocks[1]["text"]["text"] == "No archived goals here."


def test_a_page_past_the_end_points_at_the_last_page():
    blocks = message_dicts(build_goal_list(page_of([], page=9, total=25), channel_id="C1"))

    assert blocks[1]["text"]["text"] == "There are only 3 pages here. Try `/goals list 3`."


def test_past_the_only_page_says_there_is_one():
    blocks = message_dicts(build_goal_list(page_of([], page=2, total=4), channel_id="C1"))

    assert blocks[1]["text"]["text"] == "There is only 1 page here. Try `/goals list 1`."


def test_a_full_page_of_5000_character_titles_fits():
    message_dicts(build_goal_list(page_of(many_goals(10, title="CSAT " * 1000)), channel_id="C1"))


ARCHIVED = [replace(g, status=GoalStatus.ARCHIVED) for g in many_goals(10)]


@pytest.mark.parametrize(
    "page",
    [
        page_of([]),
        page_of([], archived=True),
        page_of([], page=9, total=25),
        page_of([make_goal(is_focus=True), make_goal(id=13, ref="G13", objectives=())]),
        page_of(many_goals(10), page=7, total=500),
        page_of(ARCHIVED, page=2, total=25, archived=True),
        page_of(many_goals(10, title="<!channel> CSAT & more " * 300)),
    ],
)
def test_what_is_sent_is_the_validated_blocks(page):
    # What the listeners send skips slack_sdk's validators; here they run (and Slack's limits).
    assert goal_list_message(page, channel_id="C1") == message_dicts(build_goal_list(page, channel_id="C1"))
