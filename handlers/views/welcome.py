"""The first message after an install: a DM to the person who installed goalbot, with the three
commands that get a team going. Nothing is posted in a channel until someone asks for it there."""

from slack_sdk.models.blocks import Block

from handlers.views.blocks import context, header, section
from handlers.views.format import escape

WELCOME_COMMANDS = (
    ("/goals new", "set the team's first SMART goal (run it in the team's channel)"),
    ("/checkin schedule", "choose the days and time goalbot asks the channel how it is going"),
    ("/goals help", "everything else goalbot can do"),
)


def welcome_text(team_name: str | None) -> str:
    """The notification's text; `team_name` came from Slack and is escaped."""
    where = escape(team_name) if team_name else "your workspace"
    return f"goalbot is installed in {where}. Three commands get a team going."


def build_welcome(team_name: str | None) -> list[Block]:
    steps = "\n".join(
        f"{number}. `{command}`: {purpose}" for number, (command, purpose) in enumerate(WELCOME_COMMANDS, 1)
    )
    return [
        header("Welcome to goalbot"),
        section(welcome_text(team_name)),
        section(steps),
        context(
            "In a private channel, `/invite @goalbot` first. goalbot posts in a channel only when asked."
        ),
    ]
