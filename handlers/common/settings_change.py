"""Changing a channel's reminders, digests or follow-up settings as the person who asked.

Only a workspace admin or an owner of one of the channel's goals may (bot/services/reports/
settings_rights.py). An owner is answered in the ack, from the database alone; anyone else is
answered after the ack, once Slack has said whether they are an admin (`users.info`).
"""

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services.actor import Actor
from bot.services.reports.settings_rights import owns_a_goal_here
from handlers.deps import is_workspace_admin

# (who asks, a Web API client when the change runs after the ack) -> (text, blocks) to answer with
Change = Callable[[Actor, WebClient | None], tuple[str, list[Any]]]


def change_channel_settings(request, change: Change, *, needs_slack: bool = False) -> None:
    """`request` is handlers.common.request.GoalsRequest; `needs_slack`: the change itself calls
    the Web API, so it always runs after the ack."""
    team_id, user_id, channel_id = request.team_id, request.user_id, request.channel_id
    owner = owns_a_goal_here(request.deps.sessions, team_id, user_id, channel_id)
    if owner and not needs_slack:
        text, blocks = change(Actor(team_id, user_id), None)
        request.ack(text=text, blocks=blocks)
        return
    request.ack()

    def work(client: WebClient, respond) -> None:
        is_admin = not owner and is_workspace_admin(client, user_id)
        text, blocks = change(Actor(team_id, user_id, is_admin=is_admin), client)
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    request.later(work)
