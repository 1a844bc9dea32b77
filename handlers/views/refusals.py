"""The words for each refusal a service can raise (bot/services/errors.py)."""

from bot.domain.numbers import format_number
from bot.services import errors


def describe_refusal(error: errors.ServiceError) -> str:
    """One sentence a person can act on: what went wrong and what to type instead."""
    match error:
        case errors.SmartIncomplete(problems=problems):
            return "The goal is not SMART yet: " + "; ".join(p.hint for p in problems)
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
            return (
                f"Only <@{author}> (who recorded it), <@{owner}> (the goal's owner) or a workspace "
                f"admin can undo that measurement of {ref}. "
                f"Record the right number with `/goals update {ref} <value>`."
            )
        case (
            errors.NotFound(message=m)
            | errors.NotAllowed(message=m)
            | errors.InvalidInput(message=m)
            | errors.Ambiguous(message=m)
        ):
            return m
    return "I couldn't do that, and nothing was saved."
