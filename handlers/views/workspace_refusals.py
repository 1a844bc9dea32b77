"""Wording of the workspace-settings refusals (bot/services/workspaces_refusals.py)."""

from bot.services.errors import ServiceError
from bot.services.workspaces_refusals import NotWorkspaceAdmin, UnknownZone
from handlers.views.format import Mrkdwn, escape


def describe_workspace_refusal(error: ServiceError) -> Mrkdwn | None:
    """One sentence a person can act on; None for a refusal that is not about workspace settings."""
    match error:
        case NotWorkspaceAdmin():
            return Mrkdwn(
                "Only a workspace admin or owner can change the workspace's default time zone; "
                "nothing changed. `/goals settings timezone` shows it, and `/goals reminders at 09:30 "
                "Europe/Berlin` sets a zone for this channel's reminders."
            )
        case UnknownZone(typed=typed):
            return Mrkdwn(
                f"`{escape(typed[:40])}` is not a time zone I know; use an IANA name such as "
                "`Europe/Berlin`, e.g. `/goals settings timezone Europe/Berlin`."
            )
    return None
