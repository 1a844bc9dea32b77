from datetime import date

from bot.domain.enums import PaceStatus
from bot.services.home import AssignedTactic
from bot.services.read_models import TacticSummary
from handlers.ids import ActionId
from handlers.views.home import build_home
from tests.e2e.helpers import button_values
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
    assert texts[1].startswith("Goals owned by <@U1>, whose objectives you keep up to date.")
    assert any(text.startswith("*G12 · Raise CSAT from 78 to 85*") for text in texts)
    assert any(text.startswith("O7 · CSAT score: 80.1% → 85%") for text in texts)
    assert "Main goals this month · March 2027" in texts
    assert "<#C9> · *G30 · Cut wait times*\n:large_green_circle: on track · ▰▰▰▰▰▰▰▱▱▱ 70%" in texts
    # Home has no response_url: only buttons that open a modal or republish Home belong there.
    home_actions = {ActionId.HOME_UPDATE_OBJECTIVE, ActionId.HOME_TACTIC_DONE}
    accessories = [block["accessory"] for block in view["blocks"] if "accessory" in block]
    assert {a["action_id"] for a in accessories} <= home_actions
    assert [a["value"] for a in accessories] == ["7"]  # Update O7


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


def test_home_lists_my_open_tactics_with_a_done_button():
    tactic = TacticSummary(3, "T3", "Write the call-back script", "U1", date(2027, 3, 1), False)
    view = view_dict(
        build_home(
            user_id="U1",
            my_goals=[],
            focus_goals=[],
            month_label="March 2027",
            tactics=[AssignedTactic(tactic, "G30", "Cut wait times")],
            today=date(2027, 2, 15),
        )
    )
    texts = all_texts(view)
    assert "Your tactics" in texts
    assert any("*T3 · Write the call-back script*" in t and "for G30 · Cut wait times" in t for t in texts)
    assert button_values(view["blocks"], ActionId.HOME_TACTIC_DONE) == ["3"]


def test_500_tactics_stay_within_a_view():
    tactics = [
        AssignedTactic(TacticSummary(n, f"T{n}", "x" * 500, "U1", date(2027, 3, 1), False), "G1", "y" * 500)
        for n in range(500)
    ]
    goals = many_goals(500)
    view = view_dict(
        build_home(user_id="U1", my_goals=goals, focus_goals=goals, month_label="March 2027", tactics=tactics)
    )
    assert len(view["blocks"]) <= 100
    assert any(text.endswith("more tactics") for text in all_texts(view))
