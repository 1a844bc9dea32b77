"""Reading the submitted schedule modal into a ScheduleSpec; every problem is an error under its input."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta

from bot.domain.checkins.commands import parse_local_time
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import (
    MAX_REMINDERS,
    MIN_ANONYMOUS_ANSWERS,
    Questions,
    QuietHours,
    ReminderPolicy,
    ScheduleSpec,
)
from bot.domain.limits import MAX_ID
from bot.domain.refs import RefKind, parse_ref
from handlers.ids import BlockId
from handlers.views.checkin_answer_form import ticked
from handlers.views.checkin_schedule_modal import ANONYMOUS_VALUE, QUESTIONS, REMINDER_AFTER, WINDOWS
from handlers.views.form_reader import FormReader

_USER_GROUP = re.compile(r"S[A-Z0-9]{2,30}")
_USER = re.compile(r"[UW][A-Z0-9_]{1,31}")
PICK_DAYS = "Tick at least one day, e.g. Mon, Wed and Fri."
PICK_TIME = "Pick a time, e.g. 09:00."
NOT_A_GROUP = "A user group's id starts with S, e.g. S0123ABCD. Leave it empty to ask the channel."
NOT_OBJECTIVES = "List objective ids separated by commas, e.g. O3, O7; or leave it empty."
MIN_ANSWERS = f"Enter a whole number of at least {MIN_ANONYMOUS_ANSWERS}, e.g. 3."


@dataclass(frozen=True)
class ScheduleForm:
    spec: ScheduleSpec
    audience_id: str | None  # a user group; None asks the channel
    excluded_user_ids: tuple[str, ...]


def read_schedule_form(values: object) -> tuple[ScheduleForm | None, dict[str, str]]:
    form = FormReader(values)
    days = frozenset(d for d in Weekday if d.short in ticked(values, BlockId.CHECKIN_WEEKDAYS))
    if not days:
        form.fail(BlockId.CHECKIN_WEEKDAYS, PICK_DAYS)
    at = _picked_time(values, BlockId.CHECKIN_TIME)
    if at is None:
        form.fail(BlockId.CHECKIN_TIME, PICK_TIME)
    audience = form.text(BlockId.CHECKIN_AUDIENCE)
    if audience is not None and not _USER_GROUP.fullmatch(audience):
        form.fail(BlockId.CHECKIN_AUDIENCE, NOT_A_GROUP)
    objective_ids = _objectives(form.text(BlockId.CHECKIN_OBJECTIVES))
    if objective_ids is None:
        form.fail(BlockId.CHECKIN_OBJECTIVES, NOT_OBJECTIVES)
    minimum = form.number(BlockId.CHECKIN_MIN_ANSWERS)
    if minimum is None or minimum != int(minimum) or not MIN_ANONYMOUS_ANSWERS <= minimum <= 1000:
        form.fail(BlockId.CHECKIN_MIN_ANSWERS, MIN_ANSWERS)
    window = _choice(form, BlockId.CHECKIN_WINDOW, WINDOWS, 240)
    reminders = _choice(form, BlockId.CHECKIN_REMINDERS, range(MAX_REMINDERS + 1), 1)
    after = _choice(form, BlockId.CHECKIN_REMINDER_AFTER, REMINDER_AFTER, 120)
    quiet_start = _picked_time(values, BlockId.CHECKIN_QUIET_START) or time(20)
    quiet_end = _picked_time(values, BlockId.CHECKIN_QUIET_END) or time(8)
    if form.errors or at is None or objective_ids is None or minimum is None:
        return None, form.errors
    asked = ticked(values, BlockId.CHECKIN_QUESTIONS)
    spec = ScheduleSpec(
        schedule_id=0,
        weekdays=days,
        local_time=at,
        window=timedelta(minutes=window),
        reminders=ReminderPolicy(reminders, timedelta(minutes=after)),
        quiet_hours=QuietHours(quiet_start, quiet_end),
        anonymous=ANONYMOUS_VALUE in ticked(values, BlockId.CHECKIN_ANONYMOUS),
        min_answers=int(minimum),
        questions=Questions(objective_ids, **{key: key in asked for key, _ in QUESTIONS}),
    )
    return ScheduleForm(spec, audience, _users(values, BlockId.CHECKIN_EXCLUDED)), {}


def _choice(form: FormReader, block_id: BlockId, allowed, default: int) -> int:
    """A select's value among `allowed` (a tampered one falls back to the default)."""
    chosen = form.option(block_id)
    if chosen is not None and chosen.isascii() and chosen.isdigit() and int(chosen) in allowed:
        return int(chosen)
    return default


def _objectives(text: str | None) -> tuple[int, ...] | None:
    if not text:
        return ()
    ids: list[int] = []
    for item in re.split(r"[,\s]+", text.strip()):
        ref = parse_ref(item, RefKind.OBJECTIVE)
        if ref is None or ref.id > MAX_ID:
            return None
        if ref.id not in ids:
            ids.append(ref.id)
    return tuple(ids)


def _picked_time(values: object, block_id: str) -> time | None:
    action = _action(values, block_id)
    raw = action.get("selected_time") if action else None
    return parse_local_time(raw) if isinstance(raw, str) else None


def _users(values: object, block_id: str) -> tuple[str, ...]:
    action = _action(values, block_id)
    raw = action.get("selected_users") if action else None
    users = raw if isinstance(raw, list) else []
    return tuple(sorted({u for u in users if isinstance(u, str) and _USER.fullmatch(u)}))


def _action(values: object, block_id: str) -> Mapping | None:
    block = values.get(str(block_id)) if isinstance(values, Mapping) else None
    if not isinstance(block, Mapping):
        return None
    return next((a for a in block.values() if isinstance(a, Mapping)), None)
