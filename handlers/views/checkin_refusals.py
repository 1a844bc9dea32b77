"""The words for check-in refusals (bot/services/checkins/refusals.py); describe_refusal asks here first."""

from bot.services import errors
from bot.services.checkins import refusals as checkins
from bot.services.errors import ServiceError
from handlers.views.format import channel_mention, escape, mention

SCHEDULE_EXAMPLE = "`/checkin schedule mon,wed,fri 09:00`"
# A check-in answer's texts (bot/services/checkins/answer_input.py), as a person calls them.
ANSWER_FIELDS = {
    "expectations": "answer about what customers expect",
    "obstacles": "answer about what's getting in the way",
    "follow_up": "follow-up description",
}


def describe_checkin_refusal(error: ServiceError) -> str | None:
    """None when `error` is not a check-in refusal."""
    match error:
        case errors.TextTooLong(limit=limit, length=length, field=field) if field in ANSWER_FIELDS:
            return (
                f"Your {ANSWER_FIELDS[field]} is {length:,} characters; a check-in takes at most "
                f"{limit:,} there. Shorten it and send it again: nothing "
                "was saved."
            )
        case checkins.ScheduleInvalid(problems=problems):
            return "That check-in can't be saved: " + " ".join(escape(p.message) for p in problems)
        case checkins.NoSchedule(channel_id=channel_id):
            return (
                f"{channel_mention(channel_id)} has no check-in. Set one with {SCHEDULE_EXAMPLE}, "
                "or `/checkin schedule` for the form."
            )
        case checkins.NotScheduleOwner(channel_id=channel_id, owner_id=owner_id):
            return (
                f"Only {mention(owner_id)} (who set {channel_mention(channel_id)}'s check-in) or a "
                "workspace admin can do that. `/checkin schedule show` shows it to anyone."
            )
        case checkins.AdminOnly():
            return "Only workspace admins set holidays. `/checkin holiday list` shows them to anyone."
        case checkins.NoHoliday(day=day):
            return f"{day.isoformat()} is not a holiday. `/checkin holiday list` shows the ones there are."
        case checkins.HolidayExists(day=day, name=name):
            iso = day.isoformat()
            return (
                f"{iso} is already a holiday: {escape(name)}. Nothing changed. To rename it, "
                f"remove it with `/checkin holiday remove {iso}`, then add it again with "
                f"`/checkin holiday add {iso} New name`."
            )
        case checkins.NoOpenCheckin(channel_id=channel_id):
            return (
                f"That check-in for {channel_mention(channel_id)} has closed, so it can't be answered any "
                "more. The next one will come to your DMs."
            )
        case checkins.AlreadyAnswered(channel_id=channel_id):
            return (
                f"You have already answered {channel_mention(channel_id)}'s anonymous check-in, and "
                "this wasn't added to it: nothing links an anonymous answer to you, so I can't find "
                "yours from here. To change it or add to it, tap the Edit button on the check-in "
                'message in your DMs with me (it says "Check-in answered ✓").'
            )
        case checkins.BadConfidence(value=value):
            return f"Confidence is 1 to 5, not {value}. Pick one of 1, 2, 3, 4 or 5."
        case checkins.UnknownObjective(objective_id=objective_id):
            return (
                f"This check-in doesn't ask about O{objective_id}. Give numbers only for the objectives "
                "the prompt lists, e.g. `O3 82`."
            )
        case checkins.FollowUpNeedsDescription():
            return "Say who the customer is and what they need, so someone can follow up; or untick the flag."
        case checkins.UnknownPrompt():
            return "That check-in button is not one of yours, or it is out of date. Run `/checkin` to answer."
    return None
