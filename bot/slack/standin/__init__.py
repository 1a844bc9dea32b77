"""A loopback stand-in for Slack's Web API and response_urls (see SlackStandIn)."""

from bot.slack.standin.blockkit import LIMITS, validate_message_blocks, validate_view
from bot.slack.standin.directory import Channel, dm_id, dm_owner
from bot.slack.standin.faults import MAX_STALL_SECONDS
from bot.slack.standin.manifest import MANIFEST_PATH, bot_scopes
from bot.slack.standin.recorder import Call, Rejection
from bot.slack.standin.routing import RESPONSE_URL, UPLOAD
from bot.slack.standin.server import SlackStandIn
from bot.slack.standin.uploads import Upload
from bot.slack.standin.workspaces import Workspace

__all__ = [
    "LIMITS",
    "MANIFEST_PATH",
    "MAX_STALL_SECONDS",
    "RESPONSE_URL",
    "UPLOAD",
    "Call",
    "Channel",
    "Rejection",
    "SlackStandIn",
    "Upload",
    "Workspace",
    "bot_scopes",
    "dm_id",
    "dm_owner",
    "validate_message_blocks",
    "validate_view",
]
