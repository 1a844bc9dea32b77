"""The `/checkin` grammar: what each subcommand needs, and what to say when it is wrong.

`parse_checkin_command(text, today)` never fails: anything it cannot use is `Invalid` with a
message that names what to type instead. `today` is the caller's local date (for "away 2w").
What each subcommand carries is in command_types.py.
"""

import re
from datetime import date, time
from difflib import get_close_matches

from bot.domain.checkins.away import MAX_AWAY, last_day_away, parse_away_length
from bot.domain.checkins.command_types import (
    Away,
    Back,
    CheckinCommand,
    Help,
    HolidayAdd,
    HolidayList,
    HolidayRemove,
    Invalid,
    OpenToday,
    ScheduleForm,
    ScheduleOff,
    ScheduleQuick,
    ScheduleShow,
    Status,
)
from bot.domain.checkins.weekdays import parse_weekdays
from bot.domain.dates import parse_due

SCHEDULE_EXAMPLE = "`/checkin schedule mon,wed,fri 09:00`"
AWAY_EXAMPLE = "`/checkin away until 2026-12-24` or `/checkin away 2w`"
HOLIDAY_EXAMPLE = "`/checkin holiday add 2026-12-25 Christmas`"
DEFAULT_HOLIDAY_NAME = "Holiday"
MAX_HOLIDAY_NAME = 100
_MAX_ECHOED_WORD = 40
_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
SUBCOMMANDS = ("help", "schedule", "status", "away", "back", "holiday")


def parse_checkin_command(text: str, today: date) -> CheckinCommand:
    words = text.split()
    if not words:
        return OpenToday()
    subcommand, arguments = words[0].lower(), words[1:]
    if subcommand == "help":
        return Help()
    if subcommand == "status" and not arguments:
        return Status()
    if subcommand == "back" and not arguments:
        return Back()
    if subcommand == "schedule":
        return _schedule(arguments)
    if subcommand == "away":
        return _away(arguments, today)
    if subcommand == "holiday":
        return _holiday(arguments, today)
    if subcommand in ("status", "back"):
        return Invalid(f"`/checkin {subcommand}` takes nothing after it.")
    word = words[0] if len(words[0]) <= _MAX_ECHOED_WORD else words[0][: _MAX_ECHOED_WORD - 1] + "…"
    guess = closest(subcommand, SUBCOMMANDS)
    if guess is not None:
        return Invalid(
            f"`/checkin` has no `{word}`. Did you mean `/checkin {guess}`? `/checkin help` lists them all."
        )
    return Invalid(f"`/checkin` has no `{word}`. Try {SCHEDULE_EXAMPLE}, or `/checkin help` for the list.")


def closest(word: str, choices: tuple[str, ...]) -> str | None:
    """The choice `word` is most likely a typo of (`stauts` → `status`), or None when none is close."""
    found = get_close_matches(word.lower()[:_MAX_ECHOED_WORD], choices, n=1, cutoff=0.6)
    return found[0] if found else None


def help_lines() -> list[str]:
    return [
        "`/checkin` — open today's check-in (also before its time, and while you are away)",
        "`/checkin schedule` — set this channel's check-in (days, time, questions, anonymity)",
        f"{SCHEDULE_EXAMPLE} — the same with defaults: days `mon`…`sun`, time in each person's zone",
        "`/checkin schedule show` — see this channel's check-in",
        "`/checkin schedule off` — stop this channel's check-in",
        "`/checkin status` — who has answered this period (owner and admins)",
        f"{AWAY_EXAMPLE} — no prompts while you are away; `/checkin back` to resume",
        f"{HOLIDAY_EXAMPLE}, `/checkin holiday list`, `/checkin holiday remove 2026-12-25` — "
        "workspace holidays (admins)",
        "`/checkin help` — show this list",
    ]


def parse_local_time(text: str) -> time | None:
    """`09:00`, `9:00`, `17:30`; None for anything else (no seconds, no am/pm)."""
    match = _TIME.fullmatch(text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def _schedule(arguments: list[str]) -> CheckinCommand:
    if not arguments:
        return ScheduleForm()
    if [word.lower() for word in arguments] == ["show"]:
        return ScheduleShow()
    if [word.lower() for word in arguments] == ["off"]:
        return ScheduleOff()
    guess = closest(arguments[0], ("show", "off")) if len(arguments) == 1 else None
    if guess is not None:
        return Invalid(f"Did you mean `/checkin schedule {guess}`? Or set one with {SCHEDULE_EXAMPLE}.")
    if len(arguments) != 2:
        return Invalid(
            f"`/checkin schedule` takes days and a time, e.g. {SCHEDULE_EXAMPLE}; "
            "or `show`, or `off`; or nothing, to open the form."
        )
    days_text, time_text = arguments
    weekdays = parse_weekdays(days_text)
    if weekdays is None:
        return Invalid(
            f"`{days_text[:_MAX_ECHOED_WORD]}` is not a list of days. Use `mon`…`sun` separated by commas, "
            f"e.g. {SCHEDULE_EXAMPLE}."
        )
    local_time = parse_local_time(time_text)
    if local_time is None:
        return Invalid(
            f"`{time_text[:_MAX_ECHOED_WORD]}` is not a time. Use 24-hour HH:MM, e.g. {SCHEDULE_EXAMPLE}."
        )
    return ScheduleQuick(weekdays, local_time)


def _away(arguments: list[str], today: date) -> CheckinCommand:
    usage = f"Say how long you are away, e.g. {AWAY_EXAMPLE}."
    if not arguments:
        return Invalid(usage)
    if arguments[0].lower() == "until":
        until = parse_due(" ".join(arguments[1:]), today) if arguments[1:] else None
        if until is None:
            return Invalid(f"That is not a date I can read. {usage}")
        if until < today:
            return Invalid(f"{until.isoformat()} has passed. {usage}")
    else:
        days = parse_away_length(" ".join(arguments))
        if days is None:
            return Invalid(usage)
        until = last_day_away(days, today)
    if until - today >= MAX_AWAY:
        return Invalid(f"That is more than a year away. {usage}")
    return Away(until)


def _holiday(arguments: list[str], today: date) -> CheckinCommand:
    action = arguments[0].lower() if arguments else ""
    if action == "list" and len(arguments) == 1:
        return HolidayList()
    if action in ("add", "remove") and len(arguments) >= 2:
        day = parse_due(arguments[1], today)
        if day is None:
            word = arguments[1][:_MAX_ECHOED_WORD]
            return Invalid(f"`{word}` is not a date; use YYYY-MM-DD, e.g. {HOLIDAY_EXAMPLE}.")
        if action == "remove":
            if len(arguments) > 2:
                return Invalid(
                    "`/checkin holiday remove` takes only the date: `/checkin holiday remove 2026-12-25`."
                )
            return HolidayRemove(day)
        name = " ".join(arguments[2:]) or DEFAULT_HOLIDAY_NAME
        if len(name) > MAX_HOLIDAY_NAME:
            return Invalid(f"Name it in {MAX_HOLIDAY_NAME} characters or fewer, e.g. {HOLIDAY_EXAMPLE}.")
        return HolidayAdd(day, name)
    guess = closest(action, ("add", "list", "remove")) if action not in ("add", "list", "remove") else None
    if guess is not None:
        return Invalid(
            f"Did you mean `/checkin holiday {guess}`? Holidays: {HOLIDAY_EXAMPLE}, "
            "`/checkin holiday list`, or `/checkin holiday remove 2026-12-25`."
        )
    return Invalid(
        f"Holidays: {HOLIDAY_EXAMPLE}, `/checkin holiday list`, or `/checkin holiday remove 2026-12-25`."
    )
