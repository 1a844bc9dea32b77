"""The App Home tab: the viewer's own goals, then each of their channels' main goal this month."""

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, DividerBlock
from slack_sdk.models.views import View

from bot.services.read_models import GoalSummary
from handlers.views import limits
from handlers.views.blocks import capped, context, header, section
from handlers.views.format import channel_mention, escape, mention, progress_bar, status_badge
from handlers.views.goal_blocks import goal_blocks, goal_name
from handlers.views.goal_list import EXAMPLE_NEW

# The viewer's own goals may fill this much of the tab; the channels' main goals get the rest.
MY_GOALS_BLOCKS = 60


def build_home(
    *,
    user_id: str,
    my_goals: Sequence[GoalSummary],
    focus_goals: Sequence[GoalSummary],
    month_label: str,
) -> View:
    # No "Open" buttons here: a Home tab action has no response_url to answer with the goal's tree.
    intro = f"Goals owned by {mention(user_id)}. Run `/goals show G12` in any channel to see one in full."
    blocks: list[Block] = [header("Your goals"), context(intro)]
    if my_goals:
        blocks += capped(
            [goal_blocks(goal, open_button=False) for goal in my_goals], MY_GOALS_BLOCKS, "goals"
        )
    else:
        blocks.append(section(f"You have no goals yet. In a channel, try `{EXAMPLE_NEW}`"))
    blocks += [DividerBlock(), header(f"Main goals this month · {month_label}")]
    room = limits.VIEW_BLOCKS - len(blocks)
    if focus_goals:
        blocks += capped([[_focus_section(goal)] for goal in focus_goals], room, "channels")
    else:
        blocks.append(
            section(
                f"None of your channels has a main goal for {escape(month_label)} yet. "
                "In a channel, pick one with `/goals focus G12`."
            )
        )
    return View(type="home", blocks=blocks)


def _focus_section(goal: GoalSummary) -> Block:
    where = channel_mention(goal.channel_id) if goal.channel_id else "No channel"
    return section(f"{where} · {goal_name(goal)}\n{status_badge(goal.pace)} · {progress_bar(goal.progress)}")
