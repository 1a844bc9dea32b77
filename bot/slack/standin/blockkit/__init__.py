"""Block Kit checks against Slack's documented limits (the table is in limits.py)."""

from bot.slack.standin.blockkit.limits import LIMITS
from bot.slack.standin.blockkit.surfaces import validate_message_blocks, validate_view

__all__ = ["LIMITS", "validate_message_blocks", "validate_view"]
