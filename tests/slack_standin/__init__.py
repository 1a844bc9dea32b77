"""A loopback stand-in for Slack's Web API and response_urls (see SlackStandIn)."""

from tests.slack_standin.blockkit import LIMITS, validate_message_blocks, validate_view
from tests.slack_standin.faults import MAX_STALL_SECONDS
from tests.slack_standin.recorder import Call, Rejection
from tests.slack_standin.server import SlackStandIn
from tests.slack_standin.web_api import Workspace

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
