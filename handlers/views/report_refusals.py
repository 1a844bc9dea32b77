"""Wording of the report, export and channel-settings refusals (bot/services/reports/report_refusals.py)
and of the follow-up channel ones; handlers/views/refusals.py::describe_refusal asks here."""

from bot.services.errors import ServiceError
from bot.services.followups import refusals as followup_refusals
from bot.services.reports import report_refusals
from handlers.views.format import channel_mention, escape, mention

OWNERS_NAMED = 5
INVITE = "`/invite @goalbot`"


def describe_report_refusal(error: ServiceError) -> str | None:
    match error:
        case report_refusals.NotSettingsEditor(channel_id=channel, owner_ids=owners):
            what = f"{channel_mention(channel)}'s reminders, digests and follow-up settings"
            if not owners:
                return (
                    f"Only a workspace admin can change {what} while it has no goals; nothing changed. "
                    "Ask a workspace admin."
                )
            return (
                f"Only a workspace admin or an owner of one of its goals ({_people(owners)}) can change "
                f"{what}; nothing changed. Ask one of them."
            )
        case report_refusals.PeriodBeforeChannel(period=period, first_day=first, export=export):
            done = "nothing was uploaded" if export else "nothing was posted"
            if first is None:
                return (
                    f"This channel has no goals or check-ins yet, so {period} has nothing to show; {done}. "
                    "Add a goal with `/goals new`."
                )
            return (
                f"{period} ended before this channel's first goal or check-in ({first.isoformat()}), "
                f"so it would be empty; {done}. Try {_example(export, first.strftime('%Y-%m'))}."
            )
        case report_refusals.PeriodInFuture(period=period, today=today, export=export):
            done = "nothing was uploaded" if export else "nothing was posted"
            return (
                f"{period} hasn't started yet (today is {today.isoformat()}); {done}. "
                f"Try {_example(export, today.strftime('%Y-%m'))}."
            )
    return _channel_refusal(error)


def _channel_refusal(error: ServiceError) -> str | None:
    match error:
        case followup_refusals.FollowupChannelUnknown(typed=typed):
            return (
                f"I can't find the channel {escape(typed)}, or it is private and I'm not in it; nothing "
                f"changed. Check the name, run {INVITE} in that channel, then run "
                "`/goals followups channel #cs-escalations` with its name (type `#` and pick it)."
            )
        case followup_refusals.FollowupChannelNotMember(channel_id=channel):
            return (
                f"I'm not in {channel_mention(channel)}, so I couldn't post follow-ups there; nothing "
                f"changed. Run {INVITE} in {channel_mention(channel)}, then run this again."
            )
        case followup_refusals.FollowupChannelArchived(channel_id=channel):
            return (
                f"{channel_mention(channel)} is archived, so nothing can be posted there; nothing changed. "
                "Pick another channel."
            )
    return None


def _people(user_ids: tuple[str, ...]) -> str:
    named = ", ".join(mention(u) for u in user_ids[:OWNERS_NAMED])
    more = len(user_ids) - OWNERS_NAMED
    return named + (f" and {more} more" if more > 0 else "")


def _example(export: bool, month: str) -> str:
    if export:
        return f"`/goals export {month}`, or `/goals export` for everything"
    return f"`/goals report month`, or a month from {month} on, e.g. `/goals report {month}`"
