"""The channel's goals, a page at a time: `/goals list [archived] [page]` and its paging buttons."""

from typing import Any

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.read_models import GoalPage
from handlers.ids import ActionId, BlockId
from handlers.views.blocks import button, context, section, unchecked_dicts
from handlers.views.format import channel_mention
from handlers.views.goal_blocks import goal_blocks

EXAMPLE_NEW = "/goals new Raise CSAT from 78 to 85 by 2027-03-31 because happy customers come back"


def list_arguments(page: int, *, archived: bool) -> str:
    """What follows `/goals list` to reach this page; the paging buttons carry it as their value."""
    return " ".join([*(["archived"] if archived else []), str(page)])


def list_summary(page: GoalPage) -> str:
    """The plain-text fallback: "12 goals here." / "2 archived goals here"."""
    kind = "archived goals" if page.archived else "goals"
    return f"{page.total} {kind} here."


def goal_list_message(page: GoalPage, *, channel_id: str | None) -> list[dict[str, Any]]:
    """The list's blocks as Slack receives them, serialised without slack_sdk's per-request checks:
    the builder's output is validated in its tests (see blocks.unchecked_dicts)."""
    return unchecked_dicts(build_goal_list(page, channel_id=channel_id))


def list_reply(page: GoalPage, channel_id: str | None) -> tuple[str, tuple[dict[str, Any], ...]]:
    """The ack's text and blocks; cached and shared between requests, hence a tuple."""
    return list_summary(page), tuple(goal_list_message(page, channel_id=channel_id))


def build_goal_list(page: GoalPage, *, channel_id: str | None) -> list[Block]:
    # A header block is plain text only and would show "<#C123>" raw, so the title is a section.
    where = f" in {channel_mention(channel_id)}" if channel_id else ""
    title = section(f"*{'Archived goals' if page.archived else 'Goals'}{where}*")
    if page.total == 0:
        empty = "No archived goals here." if page.archived else f"No goals here yet. Try `{EXAMPLE_NEW}`"
        return [title, section(empty)]
    if not page.goals:
        last = f"/goals list {list_arguments(page.pages, archived=page.archived)}"
        return [title, section(f"{_only(page.pages)} here. Try `{last}`.")]
    # An archived goal has no tree to open; its facts already say it is archived.
    groups = [block for goal in page.goals for block in goal_blocks(goal, open_button=not page.archived)]
    return [title, *groups, context(_position(page)), *_paging(page)]


def _only(count: int) -> str:
    return "There is only 1 page" if count == 1 else f"There are only {count} pages"


def _position(page: GoalPage) -> str:
    last_shown = page.first_shown + len(page.goals) - 1
    noun = "archived goals" if page.archived else "goals"
    shown = f"{page.first_shown}–{last_shown}" if last_shown > page.first_shown else f"{page.first_shown}"
    position = f"{noun.capitalize()} {shown} of {page.total}"
    return position if page.pages == 1 else f"{position} · page {page.page} of {page.pages}"


def _paging(page: GoalPage) -> list[Block]:
    buttons = []
    if page.has_previous:
        value = list_arguments(page.page - 1, archived=page.archived)
        buttons.append(button("Previous", ActionId.LIST_PREVIOUS, value))
    if page.has_next:
        value = list_arguments(page.page + 1, archived=page.archived)
        buttons.append(button("More", ActionId.LIST_MORE, value, style="primary"))
    return [ActionsBlock(block_id=str(BlockId.LIST_PAGES), elements=buttons)] if buttons else []
