"""`/goals settings timezone [ZONE]`: the workspace's default time zone. Showing it is answered in
the ack from the database; changing it needs Slack to say whether the person is a workspace admin
(`users.info`), so it is answered after the ack."""

from slack_sdk import WebClient

from bot.domain import workspace_commands as wc
from bot.services import workspaces
from bot.services.actor import Actor
from bot.services.errors import ServiceError
from handlers.deps import Deps, is_workspace_admin
from handlers.views.format import escape
from handlers.views.notices import build_error
from handlers.views.workspace_refusals import describe_workspace_refusal
from handlers.views.workspace_settings import build_zone, zone_text

DATABASE_ONLY = (wc.ZoneShow, wc.SettingsInvalid)


def run_settings_command(request, parsed: wc.SettingsCommand) -> None:
    """`request` is handlers.common.request.GoalsRequest."""
    deps: Deps = request.deps
    fallback = deps.timezone.key
    match parsed:
        case wc.SettingsInvalid(message=message):
            request.ack(text=escape(message), blocks=build_error(message))
        case wc.ZoneShow():
            zone = workspaces.workspace_zone(deps.sessions, request.team_id, "") or None
            request.ack(text=zone_text(zone, fallback), blocks=build_zone(zone, fallback))
        case wc.ZoneSet(zone=typed):
            team_id, user_id = request.team_id, request.user_id
            request.ack()

            def work(client: WebClient, respond) -> None:
                actor = Actor(team_id, user_id, is_admin=is_workspace_admin(client, user_id))
                try:
                    zone = workspaces.set_default_zone(deps.sessions, actor, typed)
                except ServiceError as refusal:
                    text = describe_workspace_refusal(refusal)
                    if text is None:
                        raise
                    respond(text=text, blocks=build_error(text), response_type="ephemeral")
                    return
                deps.zones.forget(team_id)
                respond(
                    text=zone_text(zone, fallback, changed=True),
                    blocks=build_zone(zone, fallback, changed=True),
                    response_type="ephemeral",
                    replace_original=False,
                )

            request.later(work)
