"""The `/goals` subcommands for reports: reminders, digest, report (parsed by commands.py)."""

from dataclasses import dataclass
from datetime import time

from bot.domain.checkins.commands import parse_local_time
from bot.domain.reports.local_time import zone

REMINDERS_EXAMPLE = "`/goals reminders at 09:30 Europe/Berlin`"
DIGEST_USAGE = "`/goals digest` takes `weekly`, `monthly`, `both` or `off`, e.g. `/goals digest weekly`"
REPORT_USAGE = (
    "`/goals report` takes `week`, `month` or a month such as `2027-03`, e.g. `/goals report month`"
)


@dataclass(frozen=True)
class RemindersShow:
    pass


@dataclass(frozen=True)
class RemindersAt:
    at: time
    zone: str | None  # None keeps the channel's zone


@dataclass(frozen=True)
class RemindersSwitch:
    enabled: bool


@dataclass(frozen=True)
class DigestShow:
    pass


@dataclass(frozen=True)
class DigestCadenceSet:
    cadence: str  # a DigestCadence value: "weekly", "monthly", "weekly and monthly", "off"


@dataclass(frozen=True)
class Report:
    spec: str  # "week", "month", "2027-03" or "2027-W09"; checked against today by the handler


@dataclass(frozen=True)
class ReportInvalid:
    message: str


ReportCommand = (
    RemindersShow | RemindersAt | RemindersSwitch | DigestShow | DigestCadenceSet | Report | ReportInvalid
)
_CADENCES = {"weekly": "weekly", "monthly": "monthly", "off": "off", "both": "weekly and monthly"}


def parse_reminders(arguments: list[str]) -> ReportCommand:
    words = [w.lower() for w in arguments]
    if not words or words == ["show"]:
        return RemindersShow()
    if words in (["on"], ["off"]):
        return RemindersSwitch(enabled=words == ["on"])
    if words[0] == "at" and len(arguments) in (2, 3):
        at = parse_local_time(arguments[1])
        if at is None:
            return ReportInvalid(
                f"`{arguments[1][:20]}` is not a time; use 24-hour `HH:MM`, e.g. {REMINDERS_EXAMPLE}"
            )
        if len(arguments) == 2:
            return RemindersAt(at, None)
        try:
            name = zone(arguments[2]).key
        except ValueError:
            return ReportInvalid(
                f"`{arguments[2][:40]}` is not a time zone I know; use an IANA name, e.g. {REMINDERS_EXAMPLE}"
            )
        return RemindersAt(at, name)
    return ReportInvalid(
        f"`/goals reminders` takes `on`, `off` or a time, e.g. {REMINDERS_EXAMPLE}; "
        "`/goals reminders` alone shows the settings"
    )


def parse_digest(arguments: list[str]) -> ReportCommand:
    words = [w.lower() for w in arguments]
    if not words:
        return DigestShow()
    if len(words) == 1 and words[0] in _CADENCES:
        return DigestCadenceSet(_CADENCES[words[0]])
    if sorted(words) == ["monthly", "weekly"]:
        return DigestCadenceSet(_CADENCES["both"])
    return ReportInvalid(DIGEST_USAGE)


def parse_report(arguments: list[str]) -> ReportCommand:
    if not arguments:
        return Report("month")
    if len(arguments) == 1:
        return Report(arguments[0].lower())
    return ReportInvalid(REPORT_USAGE)


HELP_LINES = [
    "`/goals focus G12 next` — make it next month's main goal",
    "`/goals reminders` — show when this channel's main-goal reminders go out "
    f"({REMINDERS_EXAMPLE}, `/goals reminders off`, `/goals reminders on`)",
    "`/goals digest weekly` — how often the progress digest is posted (`weekly`, `monthly`, `both`, `off`)",
    "`/goals report` — post a progress digest here now (`/goals report week`, `/goals report 2027-03`)",
]
