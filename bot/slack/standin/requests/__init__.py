"""What Slack sends the bot, shaped and signed as Slack sends it: shared by the tests and the console.

- signing.py: `sign`, `post_signed`, `signed_bolt_request` (v0 HMAC-SHA256 of "v0:<timestamp>:<body>")
- payloads.py: `slash_command`, `block_actions`, `element_action` (the `actions[]` entry for a
  pressed element as it was posted); view_payloads.py: `view_submission`, `view_closed`;
  event_payloads.py: `event_callback`
- state.py: `state_value`, `state_key`, `fill` (view.state.values as Slack sends them)
"""

from bot.slack.standin.requests.event_payloads import event_callback
from bot.slack.standin.requests.payloads import (
    APP_ID,
    BOT_USER_ID,
    FORM,
    JSON,
    MESSAGE_TS,
    TEAM_DOMAIN,
    VERIFICATION_TOKEN,
    Payload,
    block_actions,
    element_action,
    slash_command,
)
from bot.slack.standin.requests.signing import post_signed, sign, signed_bolt_request
from bot.slack.standin.requests.state import fill, state_key, state_value
from bot.slack.standin.requests.view_payloads import view_closed, view_submission

__all__ = [
    "APP_ID",
    "BOT_USER_ID",
    "FORM",
    "JSON",
    "MESSAGE_TS",
    "TEAM_DOMAIN",
    "VERIFICATION_TOKEN",
    "Payload",
    "block_actions",
    "element_action",
    "event_callback",
    "fill",
    "post_signed",
    "sign",
    "signed_bolt_request",
    "slash_command",
    "state_key",
    "state_value",
    "view_closed",
    "view_submission",
]
