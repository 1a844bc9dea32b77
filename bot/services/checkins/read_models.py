"""Read models of check-ins: frozen, detached, no Slack text (handlers/views words them)."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.checkins.enums import Category, DeliveryKind
from bot.domain.checkins.spec import Questions, ScheduleSpec
from bot.services.read_models import ObjectiveSummary


@dataclass(frozen=True)
class PersonInfo:
    """What the handler read from Slack (`users.info`): `tz` None or unknown means DEFAULT_TIMEZONE."""

    user_id: str
    tz: str | None = None
    is_bot: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class ScheduleView:
    id: int
    channel_id: str
    owner_id: str
    audience_id: str
    excluded_user_ids: tuple[str, ...]
    spec: ScheduleSpec
    active: bool
    created_at: datetime
    asked: int  # people asked now: members minus exclusions, bots and deactivated users


@dataclass(frozen=True)
class SyncResult:
    asked: int
    joined: tuple[str, ...]  # user ids new to the channel
    left: tuple[str, ...]


@dataclass(frozen=True)
class HolidayView:
    day: date
    name: str


@dataclass(frozen=True)
class PlanSummary:
    """New outbox rows from one planning pass (rows planned by an earlier pass are not counted)."""

    due: int = 0  # pending: prompts and reminders to send
    skipped: int = 0  # recorded as skipped: past their window, or reminders dropped
    reminders: int = 0  # of `due`, how many are reminders

    def __add__(self, other: "PlanSummary") -> "PlanSummary":
        return PlanSummary(
            self.due + other.due, self.skipped + other.skipped, self.reminders + other.reminders
        )


@dataclass(frozen=True)
class DeliveryToSend:
    """A claimed outbox row with everything the prompt (or reminder) shows.

    `needs_reconcile`: an earlier attempt (a claim that ran out its lease, or a retry) may have
    posted it. Look for this delivery id in the DM's message metadata before posting again.
    """

    id: int
    team_id: str
    user_id: str
    channel_id: str  # the channel whose check-in this is (not the DM)
    schedule_id: int
    kind: DeliveryKind
    sequence: int
    local_date: date
    scheduled_at: datetime
    attempts: int  # including this one
    anonymous: bool
    questions: Questions
    objectives: tuple[ObjectiveSummary, ...]
    late_at: datetime  # answers from here on are late
    closes_at: datetime  # no answers from here on
    needs_reconcile: bool
    tz: str = "UTC"  # the person's zone (their own, else DEFAULT_TIMEZONE), for times in the prompt


class AnswerSource(enum.StrEnum):
    """A form replaces the whole answer; a DM reply or a confidence button adds to it."""

    FORM = "form"
    REPLY = "reply"
    BUTTON = "button"


@dataclass(frozen=True)
class AnswerInput:
    numbers: Mapping[int, float] = field(default_factory=dict)  # objective id → value
    confidence: int | None = None
    expectations: str | None = None
    obstacles: str | None = None
    category: Category | None = None
    follow_up: bool = False
    follow_up_description: str | None = None


@dataclass(frozen=True)
class MessageRef:
    channel: str
    ts: str


@dataclass(frozen=True)
class PromptRef:
    """The check-in a prompt (or its buttons) belongs to."""

    delivery_id: int
    channel_id: str
    local_date: date


@dataclass(frozen=True)
class PromptMessage:
    """A prompt and where it sits in the person's DM."""

    prompt: PromptRef
    message: MessageRef


@dataclass(frozen=True)
class CheckinToAnswer:
    """A channel's check-in open for the person, and the local date of its period."""

    channel_id: str
    local_date: date


@dataclass(frozen=True)
class AnswerForm:
    channel_id: str
    local_date: date
    anonymous: bool
    questions: Questions
    objectives: tuple[ObjectiveSummary, ...]
    answer: AnswerInput | None  # what was answered so far; None for a first answer
    late: bool  # answering now would count as late
    closes_at: datetime
    tz: str  # the person's zone name, for showing times
    delivery_id: int | None  # the prompt, when one was planned or sent
    anonymous_answer_id: str | None  # only when the caller brought it (the Edit button)


@dataclass(frozen=True)
class AnswerRecorded:
    """`anonymous_answer_id` goes only into the person's own DM (the Edit button's value)."""

    schedule_id: int
    channel_id: str
    local_date: date
    anonymous: bool
    late: bool
    edited: bool
    answer: AnswerInput  # as stored, after merging a reply or a button into an earlier answer
    answer_id: int | None  # named answers
    anonymous_answer_id: str | None
    prompt_message: MessageRef | None  # the prompt to update to "answered ✓" with an Edit button
    delivery_id: int | None = None  # the person's prompt row (their own DM's Edit button names it)
    closes_at: datetime | None = None  # editable until then
    tz: str | None = None  # the person's zone, for showing times


@dataclass(frozen=True)
class CheckinStatus:
    channel_id: str
    anonymous: bool
    answered: int
    asked: int  # people due this period (not away, not on holiday)
    missing: tuple[str, ...]  # user ids; always empty for an anonymous check-in


@dataclass(frozen=True)
class OpenCheckin:
    schedule_id: int
    channel_id: str
    local_date: date
    anonymous: bool
    late_at: datetime
    closes_at: datetime
    answered: bool
    delivery_id: int | None  # None when no prompt was sent (away, holiday, or not yet sent)


@dataclass(frozen=True)
class NextCheckin:
    channel_id: str
    at: datetime


@dataclass(frozen=True)
class HomeCheckins:
    away_until: date | None
    next: NextCheckin | None
    open: tuple[OpenCheckin, ...]
    tz: str  # the person's zone (their own, else the workspace's): the one to show these times in
