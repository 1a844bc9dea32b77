"""The check-in prompt in a person's DM, before and after they answer.

It must work on a phone in a few taps: the objectives with where they stand, an **Answer** button
that opens the check-in form, and confidence buttons 1–5 that record an answer on their own. Once
answered, the same message is updated to say so (✓) and offers **Edit** until the period closes.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.domain.checkins.enums import DeliveryKind
from bot.services.checkins.read_models import DeliveryToSend
from bot.services.read_models import ObjectiveSummary
from handlers.ids import CHECKIN_CONFIDENCE, ActionId
from handlers.views.blocks import button, context, section
from handlers.views.format import channel_mention, escape, format_value, progress_bar

ANONYMOUS_NOTE = "🔒 Anonymous: nobody, managers included, can see who answered what."
NAMED_NOTE = "Your name is shown with your answers."
MAX_OBJECTIVES_SHOWN = 8


@dataclass(frozen=True)
class Answered:
    """What the updated prompt says: when, whether late, and what the Edit button carries."""

    edit_value: str  # the delivery id, or for an anonymous answer its random id
    late: bool
    confidence: int | None
    closes_at: datetime


@dataclass(frozen=True)
class PromptContent:
    """Everything a prompt (or reminder) shows but the delivery it is for, which only its buttons
    carry: the prompts of a schedule's pass share it, so the fan-out builds each distinct one once
    (handlers/checkins/prompt_bodies.py) and fills in each delivery's id."""

    kind: DeliveryKind
    channel_id: str
    late_at: datetime
    closes_at: datetime
    tz: ZoneInfo
    objectives: tuple[ObjectiveSummary, ...]
    confidence: bool  # the 1–5 question is asked
    anonymous: bool

    @classmethod
    def of(cls, delivery: DeliveryToSend, *, tz: ZoneInfo) -> "PromptContent":
        return cls(
            delivery.kind,
            delivery.channel_id,
            delivery.late_at,
            delivery.closes_at,
            tz,
            delivery.objectives,
            delivery.questions.confidence,
            delivery.anonymous,
        )


def prompt_text(delivery: DeliveryToSend) -> str:
    """The notification line (what a phone's lock screen shows)."""
    return _headline(delivery.kind)


def build_prompt(delivery: DeliveryToSend, *, tz: ZoneInfo) -> list[Block]:
    content = PromptContent.of(delivery, tz=tz)
    return prompt_blocks(content, str(delivery.id))


def prompt_blocks(content: PromptContent, delivery_value: str) -> list[Block]:
    """The prompt; `delivery_value` is what its buttons carry (the delivery id)."""
    # The response window (on time until `late_at`) is what people act on; the period's close is
    # the last moment an answer counts at all.
    on_time = content.late_at.astimezone(content.tz).strftime("%a %H:%M")
    closes = content.closes_at.astimezone(content.tz).strftime("%a %H:%M")
    # A channel mention, not its name: Slack shows the current name (and links it) without a
    # conversations.info call per channel in every pass.
    intro = (
        f"*{_headline(content.kind)}* For {channel_mention(content.channel_id)}: answer by {on_time} "
        f"(late answers count until {closes})."
    )
    objectives = content.objectives
    blocks: list[Block] = [section(intro)]
    blocks += [section(_objective_line(o)) for o in objectives[:MAX_OBJECTIVES_SHOWN]]
    if len(objectives) > MAX_OBJECTIVES_SHOWN:
        blocks.append(context(f"and {len(objectives) - MAX_OBJECTIVES_SHOWN} more in the form"))
    blocks.append(
        ActionsBlock(elements=[button("Answer", ActionId.CHECKIN_ANSWER, delivery_value, style="primary")])
    )
    if content.confidence:
        blocks.append(context("How confident are you that we reach our goals? 1 = not at all, 5 = very"))
        blocks.append(
            ActionsBlock(
                elements=[
                    button(str(n), action, delivery_value) for n, action in enumerate(CHECKIN_CONFIDENCE, 1)
                ]
            )
        )
    blocks.append(context(ANONYMOUS_NOTE if content.anonymous else NAMED_NOTE, "Or just reply here."))
    return blocks


def build_answered_prompt(answered: Answered, *, anonymous: bool, tz: ZoneInfo) -> list[Block]:
    late = " (late)" if answered.late else ""
    confidence = f" · confidence {answered.confidence}/5" if answered.confidence else ""
    until = answered.closes_at.astimezone(tz).strftime("%a %H:%M")
    return [
        section(f"*Check-in answered ✓*{late}{confidence}"),
        ActionsBlock(elements=[button("Edit", ActionId.CHECKIN_EDIT, answered.edit_value)]),
        context(f"You can change it until {until}.", ANONYMOUS_NOTE if anonymous else NAMED_NOTE),
    ]


def _headline(kind: DeliveryKind) -> str:
    if kind is DeliveryKind.REMINDER:
        return "Reminder: your check-in is still open. It takes a minute."
    return "Time for your check-in: how is it going?"


def _objective_line(objective: ObjectiveSummary) -> str:
    current = escape(format_value(objective.current, objective.unit))
    target = escape(format_value(objective.target, objective.unit))
    bar = progress_bar(objective.progress)
    return f"*{objective.ref}* {escape(objective.metric)}: {current} → {target} {bar}"
