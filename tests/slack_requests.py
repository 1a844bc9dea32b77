"""The tests' name for bot/slack/standin/requests, the one builder of signed Slack payloads."""

from bot.slack.standin.requests import *  # noqa: F403
from bot.slack.standin.requests import __all__  # noqa: F401
