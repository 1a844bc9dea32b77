"""`/goals followups channel …`: the channel follow-ups will be posted in, checked with Slack first.

The command's `#random` arrives as plain text when the app doesn't ask Slack to escape channels
(`should_escape: false` in manifest.yml), so a name is looked up with conversations.list
(`channels:read`, `groups:read`); a link or an id with conversations.info. Either way the channel
must exist, not be archived, and have the bot in it, or nothing could be posted there.
"""

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.followups.commands import FollowupsChannel
from bot.services.followups.refusals import (
    FollowupChannelArchived,
    FollowupChannelNotMember,
    FollowupChannelUnknown,
)

_PAGE = 1000  # Slack's most per page
_MAX_PAGES = 20  # 20,000 channels; past that a name is not found and the refusal says to pick it


def postable_channel(client: WebClient, wanted: FollowupsChannel) -> str:
    """The id of the channel `wanted` names, once Slack says the bot can post there."""
    channel = _by_name(client, wanted.name) if wanted.name else _by_id(client, wanted.channel_id or "")
    if channel.get("is_archived"):
        raise FollowupChannelArchived(str(channel["id"]))
    if not channel.get("is_member"):
        raise FollowupChannelNotMember(str(channel["id"]))
    return str(channel["id"])


def _by_id(client: WebClient, channel_id: str) -> dict[str, Any]:
    try:
        return dict(client.conversations_info(channel=channel_id)["channel"])
    except SlackApiError as error:
        if error.response.get("error") == "channel_not_found":
            raise FollowupChannelUnknown(channel_id) from None
        raise


def _by_name(client: WebClient, name: str) -> dict[str, Any]:
    cursor = None
    for _ in range(_MAX_PAGES):
        page = client.conversations_list(
            types="public_channel,private_channel",
            exclude_archived=True,
            limit=_PAGE,
            **({"cursor": cursor} if cursor else {}),
        )
        for channel in page.get("channels") or []:
            if str(channel.get("name", "")).lower() == name:
                return dict(channel)
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
    raise FollowupChannelUnknown(f"#{name}")
