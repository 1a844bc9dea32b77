"""Short replies: a goal saved, the month's main goal, help, an error."""

from collections.abc import Sequence

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.read_models import GoalSummary
from handlers.ids import ActionId, BlockId
from handlers.views import limits
from handlers.views.blocks import button, context, section
from handlers.views.format import (
    escape,
    progress_bar,
    status_badge,
    truncate,
)
from handlers.views.goal_blocks import goal_facts, goal_name, objectives_context


def build_goal_saved(goal: GoalSummary, *, created: bool) -> list[Block]:
    what = "Saved your new goal" if created else "Saved your changes to"
    text = f":white_check_mark: {what} {goal_name(goal)}. Run `/goals show {goal.ref}` to see all of it."
    facts = f"{goal_facts(goal)} · {progress_bar(goal.progress)}"
    return [section(text), context(facts), objectives_context(goal)]


def build_focus_confirm(
    current: GoalSummary, new: GoalSummary, *, month_label: str, month_id: str | None = None
) -> list[Block]:
    month = escape(month_label)
    text = (
        f":dart: {goal_name(current)} is already the main goal for {month}.\n"
        f"Make {goal_name(new)} the main goal instead?"
    )
    switch = f"{new.id}:{month_id}" if month_id else new.id  # the month asked about
    buttons = [
        button(f"Switch to {new.ref}", ActionId.FOCUS_REPLACE, switch, style="primary"),
        button(f"Keep {current.ref}", ActionId.FOCUS_KEEP, current.id),
    ]
    return [section(text), ActionsBlock(block_id=str(BlockId.FOCUS_ACTIONS), elements=buttons)]


def build_focus_set(goal: GoalSummary, month_label: str) -> list[Block]:
    text = f":dart: {goal_name(goal)} is the main goal for {escape(month_label)}."
    return [section(text), context(f"{status_badge(goal.pace)} · {progress_bar(goal.progress)}")]


def build_help(lines: Sequence[str], *, intro: str | None = None) -> list[Block]:
    """One bullet per line, split over as many sections as Slack's 3,000 characters need."""
    blocks: list[Block] = [section(escape(intro))] if intro else []
    chunk: list[str] = []
    for line in (f"• {escape(truncate(line, 1000))}" for line in lines):
        if chunk and len("\n".join([*chunk, line])) > limits.SECTION_TEXT:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(section("\n".join(chunk)))
    return blocks[: limits.MESSAGE_BLOCKS]


def build_error(text: str) -> list[Block]:
    # A refusal worded by describe_refusal is Mrkdwn already (its mentions are ours); any other
    # text is escaped here, so a typed "<@U1>" echoed back pings no one.
    return [section(f":warning: {escape(text)}")]
