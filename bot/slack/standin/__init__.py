"""A loopback stand-in for Slack's Web API and response_urls (see SlackStandIn)."""

from bot.slack.standin.blockkit import LIMITS, validate_message_blocks, validate_view
from bot.slack.standin.faults import MAX_STALL_SECONDS
from bot.slack.standin.recorder import Call, Rejection
from bot.slack.standin.server import SlackStandIn
from bot.slack.standin.web_api import Workspace

__all__ = [
    "LIMITS",
    "MAX_STALL_SECONDS",
    "Call",
    "Rejection",
    "SlackStandIn",
    "Workspace",
    "validate_message_blocks",
    "validate_view",
]
