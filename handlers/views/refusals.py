"""The words for each refusal a service can raise (bot/services/errors.py)."""

from bot.services import errors

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


def describe_refusal(error: errors.ServiceError) -> str:
    """One sentence a person can act on: what went wrong and what to type instead."""
    match error:
        case errors.SmartIncomplete(problems=problems):
            return "The goal is not SMART yet: " + "; ".join(p.hint for p in problems)
        case (
            errors.NotFound(message=m)
            | errors.NotAllowed(message=m)
            | errors.InvalidInput(message=m)
            | errors.Ambiguous(message=m)
        ):
            return m
        case errors.TextTooLong(limit=limit, length=length, field=field):
            return (
                f"The {field_label(field)} is {length:,} characters; the limit is {limit:,}. "
                "Shorten it and try again (nothing was saved)."
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
    return "I couldn't do that, and nothing was saved."
