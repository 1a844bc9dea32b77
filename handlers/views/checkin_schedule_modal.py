"""The schedule modal (`/checkin schedule`): who is asked, when, for how long, what, and whether
anonymously. Every input but the time has a default (the product's), or the current setting."""

from collections.abc import Sequence
from datetime import time, timedelta

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    NumberInputElement,
    Option,
    PlainTextObject,
    StaticSelectElement,
    TimePickerElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import MAX_REMINDERS, MIN_ANONYMOUS_ANSWERS, ScheduleSpec
from bot.domain.refs import RefKind, format_ref
from bot.services.checkins.read_models import ScheduleView
from handlers.ids import ActionId, BlockId, CallbackId
from handlers.metadata import CheckinScheduleMeta
from handlers.views.blocks import context
from handlers.views.format import channel_mention
from handlers.views.inputs import input_block, text_input

DEFAULT_DAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})
WINDOWS = (30, 60, 120, 180, 240, 360, 480, 720, 1440)  # minutes
REMINDER_AFTER = (30, 60, 120, 180, 240, 360)
QUESTIONS = (
    ("confidence", "Confidence 1–5"),
    ("expectations", "What do customers expect of us that we're not delivering?"),
    ("obstacles", "What's getting in the way?"),
    ("category", "Category (quality, service, responsiveness, communication, other)"),
    ("follow_up", "One customer needs a follow-up (with a description)"),
)
ANONYMOUS_VALUE = "anonymous"
ANONYMOUS_OPTION = "Anonymous answers: nobody, managers included, sees who said what"
AUDIENCE_MAX = 32
OBJECTIVES_MAX = 300


def build_schedule_modal(meta: CheckinScheduleMeta, current: ScheduleView | None) -> View:
    spec = current.spec if current is not None and current.active else ScheduleSpec(0, DEFAULT_DAYS, time(9))
    has_time = current is not None and current.active
    audience = current.audience_id if current and current.audience_id != meta.channel_id else None
    excluded = list(current.excluded_user_ids) if current else []
    quiet = spec.quiet_hours
    blocks: list[Block] = [
        context(
            f"Check-in for {channel_mention(meta.channel_id or '')}: a short prompt in each person's DMs, "
            "at their own local time."
        ),
        input_block(
            BlockId.CHECKIN_AUDIENCE,
            "Who is asked: a user group instead of this channel's members",
            text_input(AUDIENCE_MAX, "S0123ABCD", audience),
            optional=True,
            hint="Leave empty to ask this channel's members. Bots and deactivated people are never asked.",
        ),
        input_block(
            BlockId.CHECKIN_EXCLUDED,
            "Leave out",
            UserMultiSelectElement(
                action_id=str(ActionId.INPUT), placeholder="Nobody", initial_users=excluded or None
            ),
            optional=True,
        ),
        input_block(BlockId.CHECKIN_WEEKDAYS, "Days", _checkboxes(_days(), [d.short for d in spec.weekdays])),
        input_block(
            BlockId.CHECKIN_TIME,
            "Time (in each person's own time zone)",
            TimePickerElement(
                action_id=str(ActionId.INPUT),
                placeholder="09:00",
                initial_time=spec.local_time.strftime("%H:%M") if has_time else None,
            ),
        ),
        input_block(
            BlockId.CHECKIN_WINDOW,
            "Response window (answers after it count as late)",
            _select(_spans(WINDOWS), _minutes(spec.window)),
        ),
        input_block(
            BlockId.CHECKIN_REMINDERS,
            "Reminders for people who have not answered",
            _select(_reminder_counts(), str(spec.reminders.count)),
        ),
        input_block(
            BlockId.CHECKIN_REMINDER_AFTER,
            "Remind after",
            _select(_spans(REMINDER_AFTER), _minutes(spec.reminders.after)),
        ),
        input_block(
            BlockId.CHECKIN_QUIET_START,
            "Quiet hours start (no reminders)",
            _time(quiet.start if quiet else time(20)),
        ),
        input_block(BlockId.CHECKIN_QUIET_END, "Quiet hours end", _time(quiet.end if quiet else time(8))),
        input_block(
            BlockId.CHECKIN_OBJECTIVES,
            "Objectives to ask numbers for",
            text_input(OBJECTIVES_MAX, "O3, O7", _refs(spec.questions.objective_ids)),
            optional=True,
            hint="Leave empty to ask about all of this channel's objectives.",
        ),
        input_block(
            BlockId.CHECKIN_QUESTIONS,
            "Questions",
            _checkboxes(QUESTIONS, [key for key, _ in QUESTIONS if getattr(spec.questions, key)]),
            optional=True,
        ),
        input_block(
            BlockId.CHECKIN_ANONYMOUS,
            "Anonymous",
            _checkboxes([(ANONYMOUS_VALUE, ANONYMOUS_OPTION)], [ANONYMOUS_VALUE] if spec.anonymous else []),
            optional=True,
        ),
        input_block(
            BlockId.CHECKIN_MIN_ANSWERS,
            "Minimum answers before anonymous results are shown",
            NumberInputElement(
                action_id=str(ActionId.INPUT),
                is_decimal_allowed=False,
                initial_value=str(max(spec.min_answers, MIN_ANONYMOUS_ANSWERS)),
                min_value=str(MIN_ANONYMOUS_ANSWERS),
                max_value="1000",
            ),
            hint=f"At least {MIN_ANONYMOUS_ANSWERS}, so nobody can be singled out.",
        ),
    ]
    return View(
        type="modal",
        callback_id=str(CallbackId.CHECKIN_SCHEDULE_MODAL),
        title="Check-in schedule",
        submit="Save",
        close="Cancel",
        private_metadata=meta.dump(),
        blocks=blocks,
    )


def span_label(minutes: int) -> str:
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    return "1 hour" if hours == 1 else f"{hours} hours"


def _days() -> list[tuple[str, str]]:
    return [(day.short, day.short.capitalize()) for day in Weekday]


def _spans(minutes: Sequence[int]) -> list[tuple[str, str]]:
    return [(str(m), span_label(m)) for m in minutes]


def _reminder_counts() -> list[tuple[str, str]]:
    words = ["No reminders", "One reminder", "Two reminders", "Three reminders"]
    return [(str(n), words[n]) for n in range(MAX_REMINDERS + 1)]


def _minutes(span: timedelta) -> str:
    return str(int(span.total_seconds() // 60))


def _refs(objective_ids: Sequence[int]) -> str | None:
    return ", ".join(format_ref(RefKind.OBJECTIVE, i) for i in objective_ids) or None


def _time(at: time) -> TimePickerElement:
    return TimePickerElement(action_id=str(ActionId.INPUT), initial_time=at.strftime("%H:%M"))


def _options(choices: Sequence[tuple[str, str]]) -> list[Option]:
    return [Option(value=value, text=PlainTextObject(text=text)) for value, text in choices]


def _checkboxes(choices: Sequence[tuple[str, str]], ticked: Sequence[str]) -> CheckboxesElement:
    options = _options(choices)
    initial = [o for o in options if o.value in ticked]
    return CheckboxesElement(action_id=str(ActionId.INPUT), options=options, initial_options=initial or None)


def _select(choices: Sequence[tuple[str, str]], chosen: str) -> StaticSelectElement:
    options = _options(choices)
    # A stored value not among the choices (set through the API) is offered too, so it is kept.
    initial = next((o for o in options if o.value == chosen), None)
    if initial is None:
        initial = Option(value=chosen, text=PlainTextObject(text=span_label(int(chosen))))
        options.append(initial)
    return StaticSelectElement(
        action_id=str(ActionId.INPUT), placeholder="Pick one", options=options, initial_option=initial
    )
