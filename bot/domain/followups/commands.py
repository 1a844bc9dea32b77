"""The `/goals followups …` and `/goals export …` grammar (bot.domain.commands dispatches here).

- `/goals followups [page]`: the channel's open follow-ups, oldest first.
- `/goals followups settings`: when they are due and where they are posted.
- `/goals followups due 24h` (hours `h`, or days `d`: `2d`; 1 hour to 30 days).
- `/goals followups channel #cs-escalations` (a link `<#C0123|cs-escalations>`, `<#C0123>`, a name
  `#cs-escalations` or an id `C0123`); `channel here` resets it.
- `/goals export [YYYY-MM]`: CSV files of the channel's data, for one month or everything.
"""

import re
from dataclasses import dataclass
from datetime import date

from bot.domain.limits import page_number


@dataclass(frozen=True)
class ListFollowups:
    page: int = 1


@dataclass(frozen=True)
class FollowupsSettings:
    pass


@dataclass(frozen=True)
class FollowupsDue:
    hours: int


@dataclass(frozen=True)
class FollowupsChannel:
    channel_id: str | None  # None (and no name): post in the channel itself again
    # `#random` as Slack sends it when it doesn't escape channels: the handler looks the name up.
    name: str | None = None


@dataclass(frozen=True)
class Export:
    month: date | None  # the month's first day; None: everything


@dataclass(frozen=True)
class Problem:
    message: str


FollowupCommand = ListFollowups | FollowupsSettings | FollowupsDue | FollowupsChannel | Export | Problem

MAX_DUE_HOURS = 24 * 30
FOLLOWUPS_USAGE = (
    "`/goals followups` lists open follow-ups (`/goals followups 2` for the next page); "
    "`/goals followups due 24h` sets when they fall due; `/goals followups channel #channel` "
    "sets where they are posted; `/goals followups settings` shows both"
)
EXPORT_USAGE = (
    "`/goals export` takes a month as YYYY-MM, e.g. `/goals export 2027-03`, or nothing for everything"
)
_DUE = re.compile(r"^(\d{1,4})\s*(h|hr|hrs|hour|hours|d|day|days)$")
# Slack's ids are upper case letters and digits; the console's stand-in ids have "_" (C_GENERAL).
_CHANNEL_LINK = re.compile(r"^<#([CG][A-Z0-9_]{2,30})(\|[^>]*)?>$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9_]{2,30}$")
# Slack's channel names: lower case letters, digits, hyphens, underscores, periods; at most 80.
_CHANNEL_NAME = re.compile(r"^#?([a-z0-9][a-z0-9._-]{0,79})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_followups(arguments: list[str]) -> FollowupCommand:
    words = [w.lower() for w in arguments]
    if not words:
        return ListFollowups()
    if len(words) == 1 and (page := page_number(words[0])) is not None:
        return ListFollowups(page)
    if words == ["settings"]:
        return FollowupsSettings()
    if words[0] == "due":
        return _due(" ".join(words[1:]))
    if words[0] == "channel" and len(arguments) == 2:
        return _channel(arguments[1])
    return Problem(FOLLOWUPS_USAGE)


def _due(text: str) -> FollowupCommand:
    match = _DUE.match(text.strip())
    example = "e.g. `/goals followups due 24h` or `/goals followups due 2d` (1 hour to 30 days)"
    if match is None:
        return Problem(f"`/goals followups due` takes hours or days, {example}")
    hours = int(match.group(1)) * (24 if match.group(2).startswith("d") else 1)
    if not 1 <= hours <= MAX_DUE_HOURS:
        return Problem(f"A follow-up can be due between 1 hour and 30 days after it is flagged, {example}")
    return FollowupsDue(hours)


def _channel(word: str) -> FollowupCommand:
    if word.lower() == "here":
        return FollowupsChannel(None)
    link = _CHANNEL_LINK.match(word)
    if link:
        return FollowupsChannel(link.group(1))
    if _CHANNEL_ID.match(word):
        return FollowupsChannel(word)
    name = _CHANNEL_NAME.match(word.lower())
    if name:
        return FollowupsChannel(None, name=name.group(1))
    return Problem(
        "`/goals followups channel` needs a channel: type `#` and pick it, e.g. "
        "`/goals followups channel #cs-escalations`, or paste its id, e.g. "
        "`/goals followups channel C0123ABCD` (under the channel's name › About); "
        "`here` posts them in this channel"
    )


def parse_export(arguments: list[str]) -> FollowupCommand:
    if not arguments:
        return Export(None)
    match = _MONTH.match(arguments[0]) if len(arguments) == 1 else None
    if match is None or not 1 <= int(match.group(2)) <= 12 or not 1970 <= int(match.group(1)) <= 9999:
        return Problem(EXPORT_USAGE)
    return Export(date(int(match.group(1)), int(match.group(2)), 1))


def parse_month(text: str) -> date | None:
    """ "2027-03" → 2027-03-01, or None; shared with `goalbot export --month`."""
    parsed = parse_export([text])
    return parsed.month if isinstance(parsed, Export) else None
