"""`/goals followups`: the channel's open follow-ups, oldest first, with owner and age, 10 a page."""

from datetime import datetime

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.followups.read_models import FollowupPage, FollowupSettingsView, FollowupView
from handlers.ids import ActionId, BlockId, followup_list_block_id
from handlers.views.blocks import button, context, section
from handlers.views.followup_post import followup_buttons, followup_ref, when
from handlers.views.format import channel_mention, escape, mention, plural, truncate


def age(since: datetime, now: datetime) -> str:
    hours = max(0, int((now - since).total_seconds() // 3600))
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        return plural(hours, "hour")
    return plural(hours // 24, "day")


def list_summary(page: FollowupPage) -> str:
    if not page.total:
        return "No open customer follow-ups in this channel."
    return f"{plural(page.total, 'open customer follow-up')}, oldest first"


def build_followup_list(page: FollowupPage, *, now: datetime) -> list[Block]:
    if not page.total:
        return [section("✅ No open customer follow-ups in this channel.")]
    if not page.items:  # past the last page, as `/goals list 99` answers
        only = "There is only 1 page" if page.pages == 1 else f"There are only {page.pages} pages"
        return [section(f"{only} of open customer follow-ups here. Try `/goals followups {page.pages}`.")]
    first = (page.page - 1) * page.per_page + 1
    last = first + len(page.items) - 1
    blocks: list[Block] = [
        section(f"*Open customer follow-ups* {first}–{last} of {page.total}, oldest first"),
    ]
    for followup in page.items:  # each with its post's buttons, to act from here
        actions = followup_buttons(followup, followup_list_block_id(page.page, followup.followup_id))
        blocks += [_line(followup, now), actions]
    if page.page > 1 or page.page < page.pages:
        following = f" · `/goals followups {page.page + 1}`" if page.page < page.pages else ""
        blocks.append(context(f"Page {page.page} of {page.pages}{following}"))
        blocks.append(_pages(page))
    return blocks


def _line(followup: FollowupView, now: datetime) -> Block:
    owner = f"👤 {mention(followup.owner_id)}" if followup.owner_id else "nobody has taken it"
    overdue = " · ⏰ *overdue*" if followup.due_at and followup.due_at <= now else ""
    due = f" · due {when(followup.due_at)}" if followup.due_at else ""
    text = escape(truncate(followup.description, 300))
    opened = age(followup.opened_at or followup.flagged_at, now)  # an anonymous one: since its post
    return section(f"*{followup_ref(followup)}* {text}\n{owner} · open {opened}{due}{overdue}")


def _pages(page: FollowupPage) -> ActionsBlock:
    elements = []
    if page.page > 1:
        elements.append(button("Previous", ActionId.FOLLOWUP_LIST_PREVIOUS, page.page - 1))
    if page.page < page.pages:
        elements.append(button("More", ActionId.FOLLOWUP_LIST_PAGE, page.page + 1))
    return ActionsBlock(block_id=str(BlockId.FOLLOWUP_ACTIONS), elements=elements)


def settings_text(settings: FollowupSettingsView) -> str:
    where = channel_mention(settings.post_channel_id) if settings.post_channel_id else "this channel"
    return (
        f"Customer follow-ups from this channel are posted in {where} and are due "
        f"{plural(settings.due_hours, 'hour')} after they are flagged. Change it with "
        "`/goals followups due 24h` (or `2d`) and `/goals followups channel #channel` "
        "(`/goals followups channel here` to post them here again)."
    )
