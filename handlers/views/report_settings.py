"""`/goals reminders` and `/goals digest`: the channel's report settings, worded."""

from slack_sdk.models.blocks import Block

from bot.domain.reports.digest_schedule import DigestCadence
from bot.services.reports.settings import ChannelReportSettings
from handlers.views.blocks import context, section

_CADENCE = {
    DigestCadence.WEEKLY_AND_MONTHLY: "weekly (Mondays) and monthly (first working day)",
    DigestCadence.WEEKLY: "weekly (Mondays)",
    DigestCadence.MONTHLY: "monthly (first working day)",
    DigestCadence.OFF: "off (`/goals report` still posts one when you ask)",
}


def settings_text(settings: ChannelReportSettings, *, changed: str | None = None) -> str:
    zone = settings.zone + (" (the workspace default)" if settings.zone_is_default else "")
    reminders = "on" if settings.reminders_enabled else "off (the \u201cpick one\u201d prompt too)"
    lead = f"✅ {changed}\n" if changed else ""
    return (
        f"{lead}*Main-goal reminders:* {reminders}, at {settings.at:%H:%M} {zone} "
        "on the month's first working day, "
        f"mid-month and last working day\n*Progress digest:* {_CADENCE[settings.cadence]}"
    )


def build_settings(settings: ChannelReportSettings, *, changed: str | None = None) -> list[Block]:
    return [
        section(settings_text(settings, changed=changed)),
        context(
            "Change them with `/goals reminders at 09:30 Europe/Berlin`, `/goals reminders off|on`, "
            "`/goals digest weekly|monthly|both|off`"
        ),
    ]
