from handlers.ids import ActionId, BlockId
from handlers.views.measurement_notices import build_measurement_recorded
from handlers.views.notices import (
    build_error,
    build_focus_confirm,
    build_focus_set,
    build_goal_saved,
    build_help,
)
from tests.handlers.views.factories import make_goal, make_objective
from tests.handlers.views.slack_checks import all_texts, message_dicts

LONG = "x" * 5000


def test_goal_saved_points_at_show():
    blocks = message_dicts(build_goal_saved(make_goal(), created=True))
    assert blocks[0]["text"]["text"] == (
        ":white_check_mark: Saved your new goal *G12 · Raise CSAT from 78 to 85*. "
        "Run `/goals show G12` to see all of it."
    )
    assert "O7 · CSAT score" in blocks[2]["elements"][0]["text"]
    edited = message_dicts(build_goal_saved(make_goal(), created=False))
    assert edited[0]["text"]["text"].startswith(":white_check_mark: Saved your changes to *G12")


def test_focus_confirm_offers_replace_or_keep():
    current = make_goal(id=3, ref="G3", title="Cut wait times")
    blocks = message_dicts(
        build_focus_confirm(current, make_goal(), month_label="March 2027", month_id="2027-03")
    )
    assert "*G3 · Cut wait times* is already the main goal for March 2027" in blocks[0]["text"]["text"]
    actions = blocks[1]
    assert actions["block_id"] == BlockId.FOCUS_ACTIONS
    replace, keep = actions["elements"]
    assert (replace["action_id"], replace["value"], replace["style"]) == (
        ActionId.FOCUS_REPLACE,
        "12:2027-03",
        "primary",
    )
    assert (keep["action_id"], keep["value"]) == (ActionId.FOCUS_KEEP, "3")


def test_focus_set():
    blocks = message_dicts(build_focus_set(make_goal(), "March 2027"))
    assert (
        blocks[0]["text"]["text"]
        == ":dart: *G12 · Raise CSAT from 78 to 85* is the main goal for March 2027."
    )


def test_measurement_recorded():
    blocks = message_dicts(build_measurement_recorded(make_objective(current=81.0), "Raise CSAT"))
    assert blocks[0]["text"]["text"] == (
        ":chart_with_upwards_trend: Recorded *81%* for O7 · CSAT score (goal: Raise CSAT)."
    )
    assert blocks[1]["elements"][0]["text"] == (
        "▰▰▰▱▱▱▱▱▱▱ 30% · :large_yellow_circle: at risk · target 85% by 2027-03-31"
    )


def test_help_lists_each_line_and_escapes_placeholders():
    blocks = message_dicts(build_help(["/goals show <id>", "/goals list"], intro="I did not get that."))
    assert blocks[0]["text"]["text"] == "I did not get that."
    assert blocks[1]["text"]["text"] == "• /goals show &lt;id&gt;\n• /goals list"


def test_help_splits_long_text_over_sections():
    blocks = message_dicts(build_help([LONG] * 200))
    assert len(blocks) == 50


def test_error():
    assert message_dicts(build_error("No goal G99 here."))[0]["text"]["text"] == ":warning: No goal G99 here."


def test_long_texts_fit():
    goal = make_goal(title=LONG, objectives=(make_objective(metric=LONG, unit=LONG),))
    message_dicts(build_goal_saved(goal, created=True))
    message_dicts(build_focus_confirm(goal, goal, month_label=LONG))
    message_dicts(build_focus_set(goal, LONG))
    message_dicts(build_measurement_recorded(make_objective(metric=LONG, unit=LONG), LONG))
    message_dicts(build_help([LONG], intro=LONG))
    assert all(len(text) <= 3000 for text in all_texts(message_dicts(build_error(LONG))))
