"""The App Home tab: the viewer's goals with their objectives to update, their open tactics to tick
off, then each of their channels' main goal this month."""

from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block, DividerBlock
from slack_sdk.models.views import View

from bot.services.home import AssignedTactic
from bot.services.read_models import GoalSummary, ObjectiveSummary
from handlers.ids import ActionId
from handlers.views import limits
from handlers.views.blocks import button, capped, context, header, section
from handlers.views.format import (
    channel_mention,
    due_in,
    escape,
    format_date,
    mention,
    progress_bar,
    status_badge,
    truncate,
)
from handlers.views.goal_blocks import goal_name, goal_section, objective_line
from handlers.views.goal_list import EXAMPLE_NEW

# The viewer's goals may fill this much of the tab, their tactics this much; channels get the rest.
MY_GOALS_BLOCKS = 50
MY_TACTICS_BLOCKS = 20


def build_home(
    *,
    user_id: str,
    my_goals: Sequence[GoalSummary],
    focus_goals: Sequence[GoalSummary],
    month_label: str,
    tactics: Sequence[AssignedTactic] = (),
    today: date | None = None,
    checkins: Sequence[Block] = (),
) -> View:
    """`checkins`: the check-in part (handlers/views/checkin_home.py), shown after my goals."""
    # Buttons here only open a modal or republish Home: a Home tab action has no response_url.
    intro = (
        f"Goals owned by {mention(user_id)}, whose objectives you keep up to date. "
        "Run `/goals show G12` in any channel to see one in full."
    )
    blocks: list[Block] = [header("Your goals"), context(intro)]
    if my_goals:
        blocks += capped([_my_goal(goal) for goal in my_goals], MY_GOALS_BLOCKS, "goals")
    else:
        blocks.append(section(f"You have no goals yet. In a channel, try `{EXAMPLE_NEW}`"))
    blocks += checkins
    if tactics:
        blocks += [DividerBlock(), header("Your tactics")]
        rows = [[_tactic(item, today)] for item in tactics]
        blocks += capped(rows, MY_TACTICS_BLOCKS, "tactics")
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


def _my_goal(goal: GoalSummary) -> list[Block]:
    head = goal_section(goal, open_button=False)
    if not goal.objectives:
        return [head, context("No objectives yet: open the goal to add how you will measure it.")]
    return [head, *(_objective(objective) for objective in goal.objectives)]


def _objective(objective: ObjectiveSummary) -> Block:
    return section(
        objective_line(objective),
        accessory=button("Update", ActionId.HOME_UPDATE_OBJECTIVE, objective.id),
    )


def _tactic(item: AssignedTactic, today: date | None) -> Block:
    tactic = item.tactic
    when = f"due {format_date(tactic.due_date)}"
    if today is not None:
        when += f" ({due_in(tactic.due_date, today)})"
    text = (
        f"*{tactic.ref} · {escape(truncate(tactic.title, 200))}*\n{when} · for {item.goal_ref} · "
        f"{escape(truncate(item.goal_title, 150))}"
    )
    return section(text, accessory=button("Done", ActionId.HOME_TACTIC_DONE, tactic.id, style="primary"))


def _focus_section(goal: GoalSummary) -> Block:
    where = channel_mention(goal.channel_id) if goal.channel_id else "No channel"
    return section(f"{where} · {goal_name(goal)}\n{status_badge(goal.pace)} · {progress_bar(goal.progress)}")
