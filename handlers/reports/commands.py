"""The report subcommands of `/goals`: reminders and digest settings (answered in the ack) and
`/goals report` (acked at once; the digest is built and posted in the channel after the ack)."""

import logging
from zoneinfo import ZoneInfo

from slack_sdk import WebClient

from bot.domain import report_commands as rc
from bot.domain.reports.digest_schedule import DigestCadence
from bot.domain.reports.local_time import local_date
from bot.domain.reports.periods import period_for
from bot.services.actor import Actor
from bot.services.reports import settings as report_settings
from bot.services.reports.digests import channel_digest
from bot.services.reports.report_periods import check_period
from handlers.common.settings_change import change_channel_settings
from handlers.deps import Deps
from handlers.reports.posting import post_digest
from handlers.views.format import escape
from handlers.views.notices import build_error
from handlers.views.report_digest import period_label
from handlers.views.report_settings import build_settings, settings_text

logger = logging.getLogger(__name__)
# A change may need Slack to say whether a non-owner is an admin (settings_change.py).
DATABASE_ONLY = (rc.RemindersShow, rc.DigestShow, rc.ReportInvalid)
_NEEDS_CHANNEL = "Run this in the team's channel: reminders and digests belong to a channel."


def run_report_command(request, parsed: rc.ReportCommand) -> None:
    """`request` is handlers.common.request.GoalsRequest (ack, later, deps, team, user, channel, now)."""
    deps: Deps = request.deps
    default_tz = deps.zone_of(request.team_id).key
    if isinstance(parsed, rc.ReportInvalid):
        request.ack(text=escape(parsed.message), blocks=build_error(parsed.message))
        return
    if not request.channel_id:
        request.ack(text=_NEEDS_CHANNEL, blocks=build_error(_NEEDS_CHANNEL))
        return
    changes: dict = {}
    changed = None
    match parsed:
        case rc.RemindersShow() | rc.DigestShow():
            shown = report_settings.show_settings(
                deps.sessions, request.team_id, request.channel_id, default_tz=default_tz
            )
            request.ack(text=settings_text(shown), blocks=build_settings(shown))
            return
        case rc.RemindersAt(at=at, zone=zone):
            changes, changed = (
                {"at": at, "zone": zone},
                f"Reminders now go out at {at:%H:%M}" + (f" {zone}" if zone else "") + ".",
            )
        case rc.RemindersSwitch(enabled=enabled):
            changes = {"reminders_enabled": enabled}
            changed = (
                "Reminders are on."
                if enabled
                else "Reminders are off, including the \u201cpick one\u201d prompt."
            )
        case rc.DigestCadenceSet(cadence=cadence):
            changes, changed = {"cadence": DigestCadence(cadence)}, f"Scheduled digests: {cadence}."
        case rc.Report(spec=spec):
            _report(request, spec)
            return

    def change(actor: Actor, _client) -> tuple[str, list]:
        saved = report_settings.change_settings(
            deps.sessions, actor, request.channel_id, now=request.now, default_tz=default_tz, **changes
        )
        return settings_text(saved, changed=changed), build_settings(saved, changed=changed)

    change_channel_settings(request, change)


def _report(request, spec: str) -> None:
    deps: Deps = request.deps
    shown = report_settings.show_settings(
        deps.sessions, request.team_id, request.channel_id, default_tz=deps.zone_of(request.team_id).key
    )
    today = local_date(request.now, shown.zone)
    period = period_for(spec, today)
    if period is None:
        request.ack(text=rc.REPORT_USAGE, blocks=build_error(rc.REPORT_USAGE))
        return
    # Raises a refusal, answered in the ack: a period with nothing to show is not posted publicly.
    check_period(
        deps.sessions,
        request.team_id,
        request.channel_id,
        period=period.id,
        start=period.start,
        end=period.end,
        today=today,
        zone=ZoneInfo(shown.zone),
    )
    request.ack(text=f"Posting the progress digest for {period.id} in this channel…")
    team_id, channel_id, now = request.team_id, request.channel_id, request.now

    def work(client: WebClient, respond) -> None:
        found = channel_digest(
            deps.sessions,
            team_id=team_id,
            channel_id=channel_id,
            period=period,
            today=today,
            zone=shown.zone,
            now=now,
        )
        post_digest(lambda method, **args: dict(getattr(client, method)(**args).data), found)
        logger.info("posted an on-demand digest (%s) in %s", period_label(found.digest), channel_id)

    request.later(work)
