"""The words for each refusal a service can raise (bot/services/errors/).

Mentions, ids in backticks and "run /goals …" advice belong here, not in the services.
"""

from collections.abc import Sequence

from bot.domain.numbers import format_number
from bot.domain.refs import RefKind, format_ref
from bot.services import errors
from bot.services.followups import refusals as followup_refusals
from handlers.views.checkin_refusals import describe_checkin_refusal
from handlers.views.format import Mrkdwn, channel_mention, escape, mention
from handlers.views.report_refusals import describe_report_refusal

FALLBACK = "I couldn't do that, and nothing was saved."
LIST_HINT = "Run `/goals list` to see the ids."

_FIELD_LABELS = {
    "title": "title",
    "why": "reason why it matters",
    "metric": "metric name",
    "unit": "unit",
    "note": "note",
}


def field_label(field: str | None) -> str:
    """ "objective.0.metric" → "metric name": what a person calls the field a refusal is about."""
    name = (field or "text").rsplit(".", 1)[-1]
    return _FIELD_LABELS.get(name, "text")


def describe_refusal(error: errors.ServiceError) -> Mrkdwn:
    """One sentence a person can act on: what went wrong and what to type instead. Mrkdwn: every
    typed value in it is escaped where it is put in, and build_error leaves it as it is."""
    return Mrkdwn(_worded(error))


def _worded(error: errors.ServiceError) -> str:
    checkin = describe_checkin_refusal(error)
    if checkin is not None:
        return checkin
    match error:
        case errors.SmartIncomplete(problems=problems):
            return "The goal is not SMART yet: " + "; ".join(escape(p.hint) for p in problems)
        case errors.MeasurementOutOfRange(value=value, limit=limit, field=str(field)) if field.endswith(
            ("baseline", "target")
        ):
            return (
                f"The {field.rsplit('.', 1)[-1]} {format_number(value)} is too large, so nothing was saved. "
                f"Use a number between -{format_number(limit)} and {format_number(limit)}."
            )
        case errors.MeasurementOutOfRange(limit=limit, field=str(field)) if field.split(".")[-1].isdigit():
            return (  # a check-in answer's number, field "objective.<id>"
                f"The number for O{field.split('.')[-1]} is too large, so nothing was saved. "
                f"Give a number between -{format_number(limit)} and {format_number(limit)}."
            )
        case errors.MeasurementOutOfRange(limit=limit):
            return (
                f"That number is too large to be a measurement, so nothing was saved. Type a number "
                f"between -{format_number(limit)} and {format_number(limit)}, e.g. `/goals update O7 82`."
            )
        case errors.NothingToUndo(objective_ref=ref):
            return f"{ref} has no measurement to undo. `/goals show` lists the recent ones."
        case errors.MeasurementNotFound():
            return "That measurement is gone: it may belong to an archived goal. Run `/goals list`."
        case errors.UndoNotAllowed(objective_ref=ref, author_id=author, owner_id=owner):
            who = f"{mention(author)} (who recorded it), " if author else ""
            return (
                f"Only {who}{mention(owner)} (the goal's owner) or a workspace admin can undo that "
                f"measurement of {ref}. Record the right number with `/goals update {ref} <value>`."
            )
        case errors.GoalNotFound(ref=ref):
            return f"I can't find goal {ref} in this workspace. {LIST_HINT}"
        case errors.GoalArchived(ref=ref, goal_ref=goal_ref):
            whose = f"{ref} is" if ref == goal_ref else f"{ref} belongs to {goal_ref}, which is"
            return (
                f"{whose} archived. Run `/goals restore {goal_ref}` to bring it back "
                "(`/goals list archived` shows archived goals)."
            )
        case errors.ParentNotFound(ref=ref):
            return f"The parent goal {ref} does not exist here. Pick another, or leave it empty."
        case errors.StrategyNotFound(ref=ref):
            return f"I can't find strategy {ref} here. {LIST_HINT}"
        case errors.TacticNotFound(ref=ref):
            return f"I can't find tactic {ref} here. {LIST_HINT}"
        case errors.ObjectiveNotFound(ref=ref):
            return (
                f"I can't find objective {ref} here. "
                "Run `/goals list` to see the objective ids (they start with O)."
            )
        case errors.NoObjectiveNamed(name=name):
            return (
                f"No objective is called “{escape(name)}”. Use its id instead, e.g. `/goals update O7 82`; "
                "`/goals list` shows the ids."
            )
        case errors.AmbiguousObjective(name=name, candidates=candidates):
            return _ambiguous(name, candidates)
        case errors.NoWorkspace():
            return "This request carries no workspace, so I can't tell whose goals to use."
        case errors.NotEditor(ref=ref, owner_id=owner_id):
            return (
                f"Only {mention(owner_id)} (the owner of {ref}) or a workspace admin can change it. "
                "You can still record progress with `/goals update`."
            )
        case errors.NotTacticCompleter(tactic_owner_id=tactic_owner, goal_owner_id=goal_owner):
            return (
                f"Only {mention(tactic_owner)} (its owner), {mention(goal_owner)} "
                "or an admin can tick it off."
            )
        case errors.DueDateInPast(kind=kind, due_date=due, today=today):
            return (
                f"The {kind}'s due date {due.isoformat()} is in the past; pick {today.isoformat()} or later."
            )
        case errors.TitleMissing(kind=kind):
            return f"Give the {kind} a short title, e.g. “Follow up every 1-star review within a day”."
        case errors.ParentIsDescendant(ref=ref, parent_ref=parent_ref):
            return f"{ref} cannot sit under {parent_ref}: that is {ref} itself or one of its own targets."
        case errors.StaleForm():
            return "That form is out of date: something in it changed meanwhile. Open it again."
        case errors.NotAnnual(ref=ref, level=level):
            return f"Only annual goals break down into quarters and months; {ref} is {level}."
        case errors.AlreadyBrokenDown(ref=ref):
            return f"{ref} is already broken down; edit its targets with `/goals show {ref}`."
        case errors.NoObjectivesToSplit(ref=ref):
            return f"Add an objective to {ref} first: its targets are what gets split."
        case errors.FocusNeedsChannel():
            return "Run `/goals focus` in the team's channel: the main goal belongs to a channel."
        case errors.FocusMonthOver(month=month):
            return (
                f"{month:%B %Y} is over, so it can no longer get a main goal. "
                "Run `/goals focus G12` for this month or `/goals focus G12 next` for next month."
            )
        case errors.GoalInOtherChannel(ref=ref, channel_id=channel_id):
            return (
                f"{ref} belongs to {channel_mention(channel_id)}. Run `/goals focus {ref}` there, "
                "or pick one of this channel's goals from `/goals list`."
            )
        case errors.NotArchived(goal_id=goal_id, status=status):
            ref = format_ref(RefKind.GOAL, goal_id)
            return (
                f"{ref} is {status.value}, not archived, so there is nothing to restore. "
                f"`/goals show {ref}` shows it."
            )
        case errors.TextTooLong(limit=limit, length=length, field=field):
            return (
                f"The {field_label(field)} is {length:,} characters; the limit is {limit:,}. "
                "Shorten it and try again (nothing was saved)."
            )
        case errors.DueAfterParent(parent_ref=parent_ref, parent_due=parent_due, due=due):
            return (
                f"The due date {due.isoformat()} is after {parent_ref}'s, {parent_due.isoformat()}: a goal "
                f"that is part of {parent_ref} ends by then. Pick {parent_due.isoformat()} or earlier."
            )
        case errors.DueTooFar(due=due, latest=latest):
            return (
                f"The due date {due.isoformat()} is too far away. Pick a date before "
                f"{latest.isoformat()}, or set a nearer milestone."
            )
        case errors.BreakdownTooLarge(goal_ref=ref, periods=periods, limit=limit):
            return (
                f"Breaking {ref} down would create {periods:,} goals, more than the {limit} I allow. "
                f"Shorten its span with `/goals edit {ref}` first."
            )
    followup = _followup_refusal(error) or describe_report_refusal(error)
    return followup if followup is not None else FALLBACK


def _followup_refusal(error: errors.ServiceError) -> str | None:
    """Customer follow-ups (bot/services/followups/refusals.py)."""
    match error:
        case followup_refusals.FollowupNotFound(followup_id=fid):
            return f"I can't find follow-up F{fid}. Run `/goals followups` to see the open ones."
        case followup_refusals.FollowupClosed(followup_id=fid, status=status, closed_by=by):
            how = "resolved" if status == "resolved" else "closed as not ours"
            who = f" by {mention(by)}" if by else ""
            return (
                f"Follow-up F{fid} was already {how}{who}; nothing changed. "
                "Run `/goals followups` for the open ones."
            )
        case followup_refusals.FollowupTakenByOther(followup_id=fid, owner_id=owner):
            return f"{mention(owner)} has already taken follow-up F{fid}; ask them if you want to help."
        case followup_refusals.NotFollowupOwner(followup_id=fid, owner_id=owner):
            return f"{mention(owner)} took follow-up F{fid}; only they or a workspace admin can close it."
        case followup_refusals.FollowupNoteMissing(resolved=resolved):
            what = "how it was resolved" if resolved else "why it is not ours"
            return f"Write a few words on {what}, e.g. “Called the customer, refunded the order”."
        case followup_refusals.FollowupDueOutOfRange(most=most):
            return (
                f"A follow-up can be due 1 to {most} hours after it is flagged, "
                "e.g. `/goals followups due 24h`."
            )
    return None


def _ambiguous(name: str, candidates: Sequence[errors.ObjectiveCandidate]) -> str:
    listed = list(candidates)
    options = ", ".join(f"`{c.ref}` {escape(c.metric)} (target {format_number(c.target)})" for c in listed)
    example = listed[0].ref if listed else "O7"
    return (
        f"“{escape(name)}” matches more than one objective: {options}. "
        f"Use the id, e.g. `/goals update {example} <value>`."
    )
