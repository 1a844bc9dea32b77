"""The words for each refusal a service can raise (bot/services/errors.py)."""

from bot.domain.refs import RefKind, format_ref
from bot.services import errors


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
        case errors.NotArchived(goal_id=goal_id, status=status):
            ref = format_ref(RefKind.GOAL, goal_id)
            return (
                f"{ref} is {status.value}, not archived, so there is nothing to restore. "
                f"`/goals show {ref}` shows it."
            )
    return "I couldn't do that, and nothing was saved."
