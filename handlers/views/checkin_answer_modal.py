"""The check-in form: labels as a person reads them, and whether it is anonymous said first.

One optional number per objective ("CSAT (O3)"), "Confidence", the two open questions,
"Category", and the follow-up flag with its description. Everything is optional: a person may
answer only what they know. Prefilled with the answer so far when editing.
"""

from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    Option,
    PlainTextObject,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.domain.checkins.enums import Category
from bot.services.checkins.answer_input import MAX_TEXT
from bot.services.checkins.read_models import AnswerForm, AnswerInput
from handlers.ids import ActionId, BlockId, CallbackId, checkin_objective_block_id
from handlers.metadata import CheckinAnswerMeta
from handlers.views import limits
from handlers.views.blocks import context, section
from handlers.views.format import channel_mention, format_value, truncate
from handlers.views.inputs import input_block, number_input, text_input

EXPECTATIONS = "What do customers expect of us that we're not delivering?"
OBSTACLES = "What's getting in the way?"
CONFIDENCE = "Confidence"
CATEGORY = "Category"
FOLLOW_UP = "Follow-up"
FOLLOW_UP_OPTION = "One customer needs a follow-up"
FOLLOW_UP_DESCRIPTION = "Follow-up: who is the customer and what do they need?"
FOLLOW_UP_VALUE = "follow_up"
ANONYMOUS_TOP = (
    "🔒 *This check-in is anonymous.* Nobody, managers included, can see who answered what; "
    "your answers are stored without your name."
)
NAMED_TOP = "*This check-in is not anonymous:* your name is shown with your answers."
CONFIDENCE_WORDS = {1: "1 · not at all", 2: "2", 3: "3 · so-so", 4: "4", 5: "5 · very"}
MAX_OBJECTIVE_INPUTS = 20  # Slack allows 100 blocks; more numbers than this are asked in the channel


def build_answer_modal(form: AnswerForm, meta: CheckinAnswerMeta) -> View:
    answer = form.answer or AnswerInput()
    closes = form.closes_at.astimezone(ZoneInfo(form.tz)).strftime("%a %H:%M")
    about = f"Check-in for {channel_mention(form.channel_id)} · open until {closes}"
    if form.late:
        about += " · answers now count as *late*"
    blocks: list[Block] = [section(ANONYMOUS_TOP if form.anonymous else NAMED_TOP), context(about)]
    for objective in form.objectives[:MAX_OBJECTIVE_INPUTS]:
        now = format_value(objective.current, objective.unit)
        target = format_value(objective.target, objective.unit)
        blocks.append(
            input_block(
                checkin_objective_block_id(objective.id),
                f"{truncate(objective.metric, 150)} ({objective.ref})",
                number_input(answer.numbers.get(objective.id)),
                optional=True,
                hint=f"Now {now}, target {target}. Leave it empty if you don't know.",
            )
        )
    questions = form.questions
    if questions.confidence:
        blocks.append(
            input_block(
                BlockId.CHECKIN_CONFIDENCE,
                f"{CONFIDENCE} (1–5) that we reach our goals",
                _select([(str(n), w) for n, w in CONFIDENCE_WORDS.items()], _str(answer.confidence)),
                optional=True,
            )
        )
    if questions.expectations:
        blocks.append(_open_text(BlockId.CHECKIN_EXPECTATIONS, EXPECTATIONS, answer.expectations))
    if questions.obstacles:
        blocks.append(_open_text(BlockId.CHECKIN_OBSTACLES, OBSTACLES, answer.obstacles))
    if questions.category:
        options = [(c.value, c.value.capitalize()) for c in Category]
        chosen = answer.category.value if answer.category else None
        blocks.append(
            input_block(BlockId.CHECKIN_CATEGORY, CATEGORY, _select(options, chosen), optional=True)
        )
    if questions.follow_up:
        flag = Option(value=FOLLOW_UP_VALUE, text=PlainTextObject(text=FOLLOW_UP_OPTION))
        blocks.append(
            input_block(
                BlockId.CHECKIN_FOLLOW_UP,
                FOLLOW_UP,
                CheckboxesElement(
                    action_id=str(ActionId.INPUT),
                    options=[flag],
                    initial_options=[flag] if answer.follow_up else None,
                ),
                optional=True,
            )
        )
        blocks.append(
            _open_text(
                BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION, FOLLOW_UP_DESCRIPTION, answer.follow_up_description
            )
        )
    return View(
        type="modal",
        callback_id=str(CallbackId.CHECKIN_ANSWER_MODAL),
        title=truncate("Anonymous check-in" if form.anonymous else "Check-in", limits.MODAL_TITLE),
        submit="Send" if form.answer is None else "Save",
        close="Cancel",
        private_metadata=meta.dump(),
        blocks=blocks,
    )


def _open_text(block_id: BlockId, label: str, initial: str | None) -> Block:
    return input_block(
        block_id, label, text_input(MAX_TEXT, "A sentence or two", initial, multiline=True), optional=True
    )


def _select(options: list[tuple[str, str]], chosen: str | None) -> StaticSelectElement:
    made = [
        Option(value=value, text=PlainTextObject(text=truncate(text, limits.OPTION_TEXT)))
        for value, text in options
    ]
    initial = next((o for o in made if o.value == chosen), None)
    return StaticSelectElement(
        action_id=str(ActionId.INPUT), placeholder="Pick one", options=made, initial_option=initial
    )


def _str(value: int | None) -> str | None:
    return None if value is None else str(value)
