"""Where a follow-up's buttons were pressed, and redrawing that message once the press is done.

The same buttons are on the follow-up's post, on an overdue reminder (the owner's DM, or the
channel) and on each row of `/goals followups` (an ephemeral message). The post is updated with
chat.update wherever the press came from (actions.update_post). A reminder or the list is redrawn
through the press's response_url instead: an ephemeral message can't be chat.update'd, and a
response_url reaches a message in a DM as well. A form (Resolved, Not ours) carries that
response_url in its private_metadata, so its submission can redraw the message it came from.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk.webhook import WebhookClient

from bot.services.followups import listing as followups_list
from bot.services.followups.read_models import FollowupView
from handlers.common.replies import channel_of
from handlers.deps import Deps
from handlers.ids import BlockId, followup_list_page
from handlers.views.followup_list import build_followup_list, list_summary
from handlers.views.followup_post import build_followup_reminder, reminder_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    block_id: str | None  # which message: a reminder's, a list row's (with its page), or the post's
    channel_id: str | None
    response_url: str | None


def source_of(body: dict[str, Any]) -> Source:
    actions = body.get("actions") or [{}]
    block_id = actions[0].get("block_id") if isinstance(actions[0], dict) else None
    url = body.get("response_url")
    return Source(
        block_id if isinstance(block_id, str) else None,
        channel_of(body),
        url if isinstance(url, str) else None,
    )


def redraw(deps: Deps, team_id: str, source: Source, followup: FollowupView, now: datetime) -> None:
    """Shows the reminder or the list page the press came from as it is now; the post needs nothing."""
    drawn = _drawn(deps, team_id, source, followup, now)
    if drawn is None or source.response_url is None:
        return
    text, blocks = drawn
    try:
        WebhookClient(source.response_url).send(text=text, blocks=blocks, replace_original=True)
    except Exception as error:  # the action is done and the post updated; this copy is only stale
        logger.warning("could not redraw follow-up %s where it was pressed: %s", followup.followup_id, error)


def _drawn(deps: Deps, team_id: str, source: Source, followup: FollowupView, now: datetime):
    if source.block_id == BlockId.FOLLOWUP_REMINDER_ACTIONS:
        in_dm = bool(source.channel_id and source.channel_id.startswith("D"))
        to_owner = in_dm and followup.owner_id is not None
        return reminder_text(followup), build_followup_reminder(followup, to_owner=to_owner)
    page = followup_list_page(source.block_id)
    if page is None or not source.channel_id:
        return None
    shown = followups_list.open_followups(deps.sessions, team_id, source.channel_id, page=page)
    if not shown.items and shown.page > shown.pages:  # closing the last row of a page: the one before
        shown = followups_list.open_followups(deps.sessions, team_id, source.channel_id, page=shown.pages)
    return list_summary(shown), build_followup_list(shown, now=now)
