"""The channel's goals as one message: `/goals list`."""

from collections.abc import Sequence

from slack_sdk.models.blocks import Block

from bot.services.read_models import GoalSummary
from handlers.views import limits
from handlers.views.blocks import capped, section
from handlers.views.format import channel_mention
from handlers.views.goal_blocks import goal_blocks

EXAMPLE_NEW = "/goals new Raise CSAT from 78 to 85 by 2027-03-31 because happy customers come back"


def build_goal_list(goals: Sequence[GoalSummary], *, channel_id: str | None) -> list[Block]:
    # A header block is plain text only and would show "<#C123>" raw, so the title is a section.
    where = f" in {channel_mention(channel_id)}" if channel_id else ""
    title = section(f"*Goals{where}*")
    if not goals:
        return [title, section(f"No goals here yet. Try `{EXAMPLE_NEW}`")]
    groups = [goal_blocks(goal) for goal in goals]
    return [title, *capped(groups, limits.MESSAGE_BLOCKS - 1, "goals")]
