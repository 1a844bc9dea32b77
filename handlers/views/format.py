"""Text pieces shared by every view: progress bars, status badges, values with units, safe truncation."""

import math
import re
from datetime import date
from typing import TypeVar

from bot.domain.enums import GoalLevel, PaceStatus
from bot.domain.numbers import CURRENCY_SYMBOLS, format_number

_BADGES = {
    PaceStatus.ACHIEVED: ":trophy: achieved",
    PaceStatus.ON_TRACK: ":large_green_circle: on track",
    PaceStatus.AT_RISK: ":large_yellow_circle: at risk",
    PaceStatus.OFF_TRACK: ":red_circle: off track",
    PaceStatus.NO_DATA: ":white_circle: no data",
}

# A cut must not leave half of "<@U123>", "&amp;" or ":thumbsup:" behind: Slack would show it raw.
_OPEN_MARKUP = re.compile(r"<[^<>\s]{0,80}$|&[#A-Za-z0-9]{0,8}$|:[a-z0-9_+-]{1,40}$")
# Code points that join or modify the one before them: a cut next to one would split an emoji
# ("👩‍💻" is three code points, "👍🏽" two, "❤️" two; a flag is two regional indicators).
_JOINERS = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3", *map(chr, range(0x1F3FB, 0x1F400))}
_FLAG_HALF = range(0x1F1E6, 0x1F200)


class Mrkdwn(str):
    """Text that is ready for a mrkdwn field: what a person typed in it is escaped, and any markup
    (mentions, links, dates) is the product's own. `escape` leaves it as it is, so text is escaped
    exactly once however many builders it passes through."""


_Text = TypeVar("_Text", str, Mrkdwn)


# Beyond this a percentage says nothing more ("12,345,678%"), so it reads "over 9,999%".
MAX_SHOWN_PERCENT = 9999


def progress_bar(fraction: float | None, width: int = 10) -> str:
    """ "▰▰▰▱▱▱▱▱▱▱ 30%": the bar stays within 0..100%, the number shows the real progress."""
    if fraction is None or not math.isfinite(fraction):
        return "—"
    filled = round(min(max(fraction, 0.0), 1.0) * width)
    return f"{'▰' * filled}{'▱' * (width - filled)} {percent(fraction)}"


def percent(fraction: float) -> str:
    """ "30%", "-1,186%", "over 9,999%": never fails, whatever a stored value made of the fraction."""
    if math.isnan(fraction):
        return "—"
    shown = fraction * 100
    if shown > MAX_SHOWN_PERCENT:
        return f"over {MAX_SHOWN_PERCENT:,}%"
    if shown < -MAX_SHOWN_PERCENT:
        return f"under -{MAX_SHOWN_PERCENT:,}%"
    return f"{round(shown):,}%"


def status_badge(status: PaceStatus) -> str:
    return _BADGES.get(status, _BADGES[PaceStatus.NO_DATA])


def format_value(value: float, unit: str | None) -> str:
    """85 with "%" → "85%", 300 with "$" → "$300", 1200 with "per month" → "1,200 per month"."""
    number = format_number(abs(value)) if math.isfinite(value) else format_number(value)
    sign = "-" if math.isfinite(value) and value < 0 and number != "0" else ""
    unit = (unit or "").strip()
    if not unit:
        return f"{sign}{number}"
    if number == "1":
        unit = singular_unit(unit)
    if unit.startswith("%"):
        return f"{sign}{number}{unit}"
    if unit[0] in CURRENCY_SYMBOLS:
        rest = unit[1:].strip()
        return f"{sign}{unit[0]}{number}" + (f" {rest}" if rest else "")
    return f"{sign}{number} {unit}"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """ "1 goal", "3 goals", "0 goals": the count with its noun agreeing."""
    return f"{count:,} {noun if count == 1 else plural_form or noun + 's'}"


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def singular_unit(unit: str) -> str:
    """The unit as written after "1": "hours" → "hour", "orders per month" → "order per month",
    "boxes" → "box"; units that are not a plain English plural ("%", "kg", "status") stay."""
    match = _FIRST_WORD.match(unit)
    if match is None:
        return unit
    word = match.group()
    if len(word) < 3 or not word.endswith("s") or word.lower().endswith(("ss", "us", "is")):
        return unit
    cut = 2 if word.lower().endswith(("sses", "shes", "ches", "xes", "zes")) else 1
    return word[:-cut] + unit[match.end() :]


def truncate(text: _Text, limit: int) -> _Text:
    """At most `limit` characters, ending in "…" when cut, never splitting a mention, an entity,
    a :shortcode: or an emoji. Cut what a person typed before escaping it; Mrkdwn stays Mrkdwn."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return Mrkdwn("") if isinstance(text, Mrkdwn) else ""
    cut = limit - 1
    while cut > 0 and (text[cut] in _JOINERS or text[cut - 1] == "\u200d"):
        cut -= 1
    flags = 0
    while cut - flags > 0 and ord(text[cut - flags - 1]) in _FLAG_HALF:
        flags += 1
    cut -= flags % 2
    head = _OPEN_MARKUP.sub("", text[:cut]).rstrip()
    return Mrkdwn(f"{head}…") if isinstance(text, Mrkdwn) else f"{head}…"


def escape(text: str) -> Mrkdwn:
    """User text inside mrkdwn: "<!channel>" in a goal title must not ping anyone. Text that is
    already Mrkdwn is returned as it is: escaping twice would show "&amp;lt;" to people."""
    if isinstance(text, Mrkdwn):
        return text
    return Mrkdwn(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def mention(user_id: str) -> Mrkdwn:
    return Mrkdwn(f"<@{user_id}>")


def channel_mention(channel_id: str) -> Mrkdwn:
    return Mrkdwn(f"<#{channel_id}>")


def format_date(day: date) -> str:
    # ISO, the same spelling people type in `/goals new … by 2027-03-31`.
    return day.isoformat()


def level_label(level: GoalLevel) -> str:
    return level.value.capitalize()


def due_in(due: date, today: date) -> str:
    """ "in 12 days", "today", "3 days overdue"."""
    days = (due - today).days
    if days == 0:
        return "due today"
    if days > 0:
        return f"in {plural(days, 'day')}"
    return f"{plural(-days, 'day')} overdue"
