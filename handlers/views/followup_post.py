"""A customer follow-up in the channel, its overdue reminder, and what the flagger is told.

The post carries **I'll take it**, **Resolved** and **Not ours** while it is open; once someone
takes it, it says who; once closed, it says how, by whom and why, with no buttons left.
Times use Slack's date token, so each reader sees their own time zone.
"""

from datetime import datetime

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.followups.read_models import FollowupView
from handlers.ids import ActionId, BlockId
from handlers.views.blocks import button, context, section
from handlers.views.format import escape, mention, truncate

DESCRIPTION_SHOWN = 1500


def followup_ref(followup: FollowupView) -> str:
    return f"F{followup.followup_id}"


def quoted(followup: FollowupView) -> str:
    text = escape(truncate(followup.description, DESCRIPTION_SHOWN)).replace("\n", "\n>")
    return f">{text}"


def when(at: datetime) -> str:
    """A time each reader sees in their own zone; the fallback is UTC."""
    return f"<!date^{int(at.timestamp())}^{{date_short_pretty}} {{time}}|{at:%Y-%m-%d %H:%M} UTC>"


def post_text(followup: FollowupView) -> str:
    return f"Customer follow-up {followup_ref(followup)}: {escape(truncate(followup.description, 200))}"


def build_followup_post(followup: FollowupView) -> list[Block]:
    source = (
        "Flagged in an anonymous check-in"
        if followup.anonymous
        else f"Flagged by {mention(followup.author_id or '')} in a check-in"
    )
    due = f" · due {when(followup.due_at)}" if followup.due_at else ""
    blocks: list[Block] = [
        section(f"*🧑‍💼 Customer follow-up {followup_ref(followup)}*\n{quoted(followup)}"),
        context(source + due),
    ]
    match followup.status:
        case "resolved":
            note = escape(truncate(followup.note or "", 1500))
            blocks.append(section(f"✅ *Resolved* by {mention(followup.closed_by or '')}: {note}"))
        case "not_ours":
            note = escape(truncate(followup.note or "", 1500))
            blocks.append(section(f"🚫 *Not ours*, said {mention(followup.closed_by or '')}: {note}"))
        case _:
            if followup.owner_id:
                blocks.append(context(f"👤 Taken by {mention(followup.owner_id)}"))
            else:
                blocks.append(context("Nobody has taken it yet."))
            blocks.append(followup_buttons(followup))
    return blocks


def followup_buttons(followup: FollowupView, block_id: str = BlockId.FOLLOWUP_ACTIONS) -> ActionsBlock:
    """The same buttons wherever the follow-up is read: its post, a reminder, `/goals followups`."""
    value = followup.followup_id
    elements = []
    if followup.owner_id is None:
        elements.append(button("I'll take it", ActionId.FOLLOWUP_TAKE, value, style="primary"))
    elements += [
        button("Resolved", ActionId.FOLLOWUP_RESOLVE, value),
        button("Not ours", ActionId.FOLLOWUP_NOT_OURS, value, style="danger"),
    ]
    return ActionsBlock(block_id=str(block_id), elements=elements)


def reminder_text(followup: FollowupView) -> str:
    return f"Overdue: customer follow-up {followup_ref(followup)} is still open."


def build_followup_reminder(followup: FollowupView, *, to_owner: bool) -> list[Block]:
    due = when(followup.due_at) if followup.due_at else "its due time"
    who = (
        "You took it on; when it's done, press *Resolved*."
        if to_owner
        else f"👤 Taken by {mention(followup.owner_id)}."
        if followup.owner_id
        else "Nobody has taken it yet: press *I'll take it* if you can."
    )
    blocks: list[Block] = [
        section(
            f"*⏰ Overdue: customer follow-up {followup_ref(followup)}* was due {due}.\n{quoted(followup)}"
        ),
    ]
    if followup.is_closed:  # redrawn after someone closed it from here: how, and no buttons
        how = "✅ Resolved" if followup.status == "resolved" else "🚫 Closed as not ours"
        return [*blocks, context(f"{how} by {mention(followup.closed_by or '')}.")]
    return [*blocks, context(who), followup_buttons(followup, BlockId.FOLLOWUP_REMINDER_ACTIONS)]


def closed_notice_text(followup: FollowupView) -> str:
    how = "resolved" if followup.status == "resolved" else "closed as not ours"
    if followup.anonymous:  # in the post's thread, where nobody flagged it as far as anyone knows
        return f"Customer follow-up {followup_ref(followup)} was {how}."
    return f"The customer follow-up you flagged ({followup_ref(followup)}) was {how}."


def build_closed_notice(followup: FollowupView) -> list[Block]:
    """For whoever flagged it (a DM), or for an anonymous one the post's thread."""
    how = "✅ Resolved" if followup.status == "resolved" else "🚫 Closed as not ours"
    by = mention(followup.closed_by or "")
    note = escape(truncate(followup.note or "", 1500))
    intro = (
        f"The customer follow-up you flagged, {followup_ref(followup)}:"
        if not followup.anonymous
        else f"Customer follow-up {followup_ref(followup)}:"
    )
    return [section(f"{intro}\n{quoted(followup)}"), section(f"{how} by {by}: {note}")]
