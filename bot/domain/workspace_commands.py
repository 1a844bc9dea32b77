"""`/goals settings …`: the workspace's own settings (today its default time zone)."""

from dataclasses import dataclass

from bot.domain.zones import canonical_zone

ZONE_EXAMPLE = "`/goals settings timezone Europe/Berlin`"
SETTINGS_USAGE = (
    f"`/goals settings timezone` shows the workspace's default time zone; {ZONE_EXAMPLE} changes it "
    "(workspace admins)"
)


@dataclass(frozen=True)
class ZoneShow:
    pass


@dataclass(frozen=True)
class ZoneSet:
    zone: str  # an IANA name as canonical_zone spells it


@dataclass(frozen=True)
class SettingsInvalid:
    message: str


SettingsCommand = ZoneShow | ZoneSet | SettingsInvalid
_ZONE_WORDS = ("timezone", "tz", "zone", "time-zone")


def parse_settings(arguments: list[str]) -> SettingsCommand:
    words = [w.lower() for w in arguments]
    if not words or words in (["show"], *([w] for w in _ZONE_WORDS)):
        return ZoneShow()
    if words[0] in _ZONE_WORDS and len(words) == 2:
        zone = canonical_zone(arguments[1])
        if zone is None:
            return SettingsInvalid(
                f"`{arguments[1][:40]}` is not a time zone I know; use an IANA name such as "
                f"`Europe/Berlin`, `America/New_York` or `Asia/Tokyo`, e.g. {ZONE_EXAMPLE}"
            )
        return ZoneSet(zone)
    return SettingsInvalid(SETTINGS_USAGE)


HELP_LINES = [
    f"{ZONE_EXAMPLE} — the workspace's default time zone, for people and channels without one of "
    "their own (workspace admins; `/goals settings timezone` alone shows it)",
]
