"""Slack text objects → plain readable text: links, mentions and emphasis markers go, words stay."""

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_ANGLE = re.compile(r"<([^<>\n]+)>")
# Emphasis needs a non-word character outside the markers, as Slack does, so snake_case
# identifiers and arithmetic such as 2*3*4 survive.
_EMPHASIS = [re.compile(rf"(?<![\w{m}])\{m}(?=\S)([^{m}\n]*?\S)\{m}(?![\w{m}])") for m in ("*", "_", "~")]
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_SHORTCODE = re.compile(r":([a-z0-9_+-]+):")
# The emoji goalbot and most bots use; any other :shortcode: stays as typed, which reads fine.
EMOJI = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "x": "❌",
    "warning": "⚠️",
    "bulb": "💡",
    "tada": "🎉",
    "dart": "🎯",
    "rocket": "🚀",
    "calendar": "📅",
    "spiral_calendar_pad": "🗓️",
    "chart_with_upwards_trend": "📈",
    "chart_with_downwards_trend": "📉",
    "bar_chart": "📊",
    "white_circle": "⚪",
    "large_green_circle": "🟢",
    "large_yellow_circle": "🟡",
    "large_orange_circle": "🟠",
    "red_circle": "🔴",
    "large_blue_circle": "🔵",
    "star": "⭐",
    "pushpin": "📌",
    "memo": "📝",
    "eyes": "👀",
    "wave": "👋",
    "hourglass": "⌛",
    "hourglass_flowing_sand": "⏳",
    "arrow_right": "➡️",
    "arrow_up": "⬆️",
    "arrow_down": "⬇️",
    "point_right": "👉",
    "lock": "🔒",
    "mag": "🔍",
    "thinking_face": "🤔",
    "fire": "🔥",
}


# Slack shows `<!date^…>` in each reader's own zone; the console shows it in the zone of the person
# reading (set around rendering with `reading_in`), else its fallback text (UTC) as sent.
_READER_ZONE: ContextVar[tzinfo | None] = ContextVar("reader_zone", default=None)
_DATE_TOKEN = re.compile(r"\{(\w+)\}")


@contextmanager
def reading_in(zone: tzinfo | None) -> Iterator[None]:
    token = _READER_ZONE.set(zone)
    try:
        yield
    finally:
        _READER_ZONE.reset(token)


def zone_of(user: Mapping | None) -> tzinfo | None:
    """A person's zone as users.info gives it (`tz`), or None when unknown."""
    try:
        return ZoneInfo(str(user["tz"])) if user and user.get("tz") else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _date_token(name: str, at: datetime) -> str | None:
    """One of Slack's date tokens; the "pretty" ones ("today") need today, so read as the plain one."""
    name = name.replace("_pretty", "")
    formats = {
        "date_num": f"{at:%Y-%m-%d}",
        "date": f"{at:%B} {_ordinal(at.day)}, {at.year}",
        "date_short": f"{at:%b} {at.day}, {at.year}",
        "date_long": f"{at:%A, %B} {_ordinal(at.day)}, {at.year}",
        "time": f"{at:%H:%M}",
        "time_secs": f"{at:%H:%M:%S}",
    }
    return formats.get(name)


def local_date(target: str, fallback: str) -> str:
    """`!date^<unix>^<format>[^<link>]` in the reader's zone, or the fallback when none is set."""
    zone = _READER_ZONE.get()
    parts = target.split("^")
    if zone is None or len(parts) < 3 or not parts[1].isdecimal():
        return fallback or target
    at = datetime.fromtimestamp(int(parts[1]), UTC).astimezone(zone)
    words = {name: _date_token(name, at) for name in _DATE_TOKEN.findall(parts[2])}
    if any(word is None for word in words.values()):  # {ago} and the like: the fallback says it
        return fallback or target
    return _DATE_TOKEN.sub(lambda m: words[m.group(1)] or "", parts[2])


def name_from_id(object_id: str) -> str:
    """Console ids are U_NAME / C_NAME; anything else is shown as it is."""
    if len(object_id) > 2 and object_id[1] == "_":
        return object_id[2:].lower()
    return object_id


def _lookup(names: Mapping[str, str]) -> Callable[[str], str]:
    return lambda object_id: names.get(object_id) or name_from_id(object_id)


def plain(
    text_object: Mapping | str | None,
    *,
    users: Mapping[str, str] | None = None,
    channels: Mapping[str, str] | None = None,
) -> str:
    """Text of a Slack text object (plain_text or mrkdwn) or a bare mrkdwn string."""
    if text_object is None:
        return ""
    if isinstance(text_object, Mapping):
        if text_object.get("type") == "plain_text":
            return emojize(str(text_object.get("text", "")))
        text_object = str(text_object.get("text", ""))
    return mrkdwn_to_text(text_object, users=users or {}, channels=channels or {})


def emojize(text: str) -> str:
    return _SHORTCODE.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), text)


def mrkdwn_to_text(text: str, *, users: Mapping[str, str], channels: Mapping[str, str]) -> str:
    user_name, channel_name = _lookup(users), _lookup(channels)

    def angle(match: re.Match) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or user_name(target[1:]))
        if target.startswith("#"):
            return "#" + (label or channel_name(target[1:]))
        if target.startswith("!subteam^"):
            return label or "@group"
        if target.startswith("!date^"):
            return local_date(target, label)
        if target.startswith("!"):
            return "@" + (label or target[1:])
        return label or target

    text = _ANGLE.sub(angle, text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return emojize(text)
