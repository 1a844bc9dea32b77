"""`/goals followups …` and `/goals export …`, called from handlers/goals/command.py.

Listing and settings are answered from the database in the ack; the export reads the database
and uploads its CSV files with files_upload_v2 after the ack.
"""

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.dates import month_end
from bot.domain.followups import commands as grammar
from bot.services.followups import listing as followups_list
from bot.services.followups import settings as followups_settings
from bot.services.reports.export_data import ExportScope, export_csv_files
from bot.services.reports.report_periods import check_period
from bot.services.reports.settings_rights import check_settings_editor
from handlers.common.settings_change import change_channel_settings
from handlers.followups.channel_lookup import postable_channel
from handlers.views.blocks import section
from handlers.views.export_notice import export_comment, export_failed
from handlers.views.followup_list import build_followup_list, list_summary, settings_text
from handlers.views.notices import build_error

logger = logging.getLogger(__name__)

# Changes may need Slack: is a non-owner an admin, does the channel exist (settings_change.py).
DATABASE_ONLY = (grammar.ListFollowups, grammar.FollowupsSettings)


def run_followup_command(request, parsed) -> None:
    """`request` is handlers.common.request.GoalsRequest (ack, later, deps, team_id, channel_id, now)."""
    sessions, team_id, channel_id = request.deps.sessions, request.team_id, request.channel_id
    match parsed:
        case grammar.ListFollowups(page=page):
            shown = followups_list.open_followups(sessions, team_id, channel_id, page=page)
            request.ack(text=list_summary(shown), blocks=build_followup_list(shown, now=request.now))
        case grammar.FollowupsSettings():
            request.ack(*_settings(followups_settings.followup_settings(sessions, team_id, channel_id)))
        case grammar.FollowupsDue(hours=hours):
            change_channel_settings(
                request,
                lambda actor, _: _settings(
                    followups_settings.set_due_hours(sessions, actor, channel_id, hours), "✅ "
                ),
            )
        case grammar.FollowupsChannel(channel_id=target, name=name):
            here = target is None and name is None

            def post_there(actor, client) -> tuple[str, list]:
                where = None
                if not here:  # refuse a non-editor before asking Slack about the channel
                    check_settings_editor(sessions, actor, channel_id)
                    where = postable_channel(client, parsed)
                saved = followups_settings.set_post_channel(sessions, actor, channel_id, where)
                return _settings(saved, "✅ ")

            change_channel_settings(request, post_there, needs_slack=not here)
        case grammar.Export(month=month):
            if month is not None:  # an empty month is refused, not uploaded
                check_period(
                    sessions,
                    team_id,
                    channel_id,
                    period=f"{month:%Y-%m}",
                    start=month,
                    end=month_end(month),
                    today=request.today,
                    zone=request.deps.zone_of(team_id),
                    export=True,
                )
            request.ack(text="Preparing the export; the files will appear in this channel in a moment.")
            scope = ExportScope(team_id, channel_id, month)
            request.later(
                lambda client, respond: upload_export(client, respond, request.deps, scope, request.now)
            )


def _settings(settings, prefix: str = "") -> tuple[str, list]:
    text = prefix + settings_text(settings)
    return text, [section(text)]


def upload_export(client: WebClient, respond, deps, scope: ExportScope, now: datetime) -> None:
    files = export_csv_files(deps.sessions, scope)
    try:
        client.files_upload_v2(
            channel=scope.channel_id,
            initial_comment=export_comment(scope, files),
            file_uploads=[{"content": f.data, "filename": f.name, "title": f.name} for f in files],
        )
    except SlackApiError as error:
        logger.warning("export upload failed: %s", error.response.get("error"))
        message = export_failed(str(error.response.get("error")))
        if respond is not None:
            respond(
                text=message, blocks=build_error(message), response_type="ephemeral", replace_original=False
            )
