from bot.domain.enums import PaceStatus
from handlers.views.home import build_home
from tests.handlers.views.factories import make_goal, many_goals
from tests.handlers.views.slack_checks import all_texts, view_dict


def test_home_lists_my_goals_and_the_channels_main_goals():
    mine = [make_goal()]
    focus = [
        make_goal(
            id=30,
            ref="G30",
            title="Cut wait times",
            channel_id="C9",
            is_focus=True,
            pace=PaceStatus.ON_TRACK,
            progress=0.7,
        )
    ]
    view = view_dict(build_home(user_id="U1", my_goals=mine, focus_goals=focus, month_label="March 2027"))
    assert view["type"] == "home"
    assert "callback_id" not in view
    texts = all_texts(view)
    assert texts[0] == "Your goals"
    assert texts[1].startswith("Goals owned by <@U1>.")
    assert any(text.startswith("*G12 · Raise CSAT from 78 to 85*") for text in texts)
    assert any(text.startswith("O7 · CSAT score: 80.1% → 85%") for text in texts)
    assert "Main goals this month · March 2027" in texts
    assert "<#C9> · *G30 · Cut wait times*\n:large_green_circle: on track · ▰▰▰▰▰▰▰▱▱▱ 70%" in texts
    # Home has no response_url, so buttons that answer with respond() would fail there.
    assert not any("accessory" in block for block in view["blocks"])


def test_empty_home_names_the_commands():
    view = view_dict(build_home(user_id="U1", my_goals=[], focus_goals=[], month_label="March 2027"))
    texts = " ".join(all_texts(view))
    assert "`/goals new" in texts
    assert "None of your channels has a main goal for March 2027 yet" in texts


def test_500_goals_and_long_titles_stay_within_a_view():
    goals = many_goals(500, title="CSAT " * 1000)
    view = view_dict(build_home(user_id="U1", my_goals=goals, focus_goals=goals, month_label="March 2027"))
    texts = all_texts(view)
    assert len(view["blocks"]) <= 100
    assert any(text.endswith("more goals") for text in texts)
    assert any(text.endswith("more channels") for text in texts)
