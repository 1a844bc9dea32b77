"""Answering from the DM prompt or App Home: Answer and Edit open the check-in form, the quick
confidence buttons record on their own, and the form's submission stores the answer.

Buttons ack at once and do everything after (handlers/later.py). The form validates and stores
before acking, so problems show under their inputs. Nothing here logs a user id.
"""

from datetime import date, datetime

from pydantic import ValidationError
from slack_sdk import WebClient

from bot.services.checkins import answerable, answers
from bot.services.checkins.read_models import AnswerInput, AnswerSource, PromptRef
from bot.services.errors import ServiceError
from handlers.checkins.receipts import show_answered, tell
from handlers.common.modals import modal_errors
from handlers.deps import Deps, team_of
from handlers.fields import checkin_answer_block, first_checkin_input
from handlers.ids import CHECKIN_CONFIDENCE, ActionId, CallbackId
from handlers.later import later, on_ack_then_later
from handlers.metadata import CheckinAnswerMeta, CheckinButtonValue
from handlers.views.checkin_answer_form import read_answer_form
from handlers.views.checkin_answer_modal import MAX_OBJECTIVE_INPUTS, build_answer_modal
from handlers.views.refusals import describe_refusal

STALE_BUTTON = "That check-in button is out of date. Run `/checkin` to answer today's check-in."
STALE_FORM = "This form is out of date. Close it and run /checkin again."


def register(app, deps: Deps) -> None:
    def open_form(ack, body, context, now: datetime):
        ack()
        team_id, user_id = team_of(context), body["user"]["id"]
        raw = _button_value(body)
        trigger_id = body.get("trigger_id")
        later(
            context,
            lambda client, respond: _open(deps, client, respond, team_id, user_id, raw, trigger_id, now),
        )

    def confidence(ack, body, context, now: datetime):
        ack()
        team_id, user_id = team_of(context), body["user"]["id"]
        action_id = (body.get("actions") or [{}])[0].get("action_id")
        level = CHECKIN_CONFIDENCE.index(action_id) + 1
        raw = _button_value(body)
        later(
            context,
            lambda client, respond: _confidence(deps, client, respond, team_id, user_id, raw, level, now),
        )

    def submit(ack, body, view, context, now: datetime):
        try:
            meta = CheckinAnswerMeta.load(view.get("private_metadata"))
            for_date = date.fromisoformat(meta.local_date)
        except (ValidationError, ValueError):
            modal_errors(ack, {first_checkin_input(view): STALE_FORM})
            return
        answer, errors = read_answer_form((view.get("state") or {}).get("values") or {}, meta.objective_ids)
        if errors:
            modal_errors(ack, errors)
            return
        team_id, user_id = team_of(context), body["user"]["id"]
        try:
            recorded = answers.record_answer(
                deps.sessions,
                team_id=team_id,
                user_id=user_id,
                channel_id=meta.channel_id or "",
                answer=answer,
                source=AnswerSource.FORM,
                now=now,
                default_tz=deps.zone_of(team_id).key,
                anonymous_answer_id=meta.answer_id,
                for_date=for_date,
            )
        except ServiceError as error:
            modal_errors(ack, {checkin_answer_block(error.field, view): describe_refusal(error)})
            return
        ack()
        later(context, lambda client, _: show_answered(client, recorded, user_id=user_id))

    on_ack_then_later(app.action(ActionId.CHECKIN_ANSWER.value), open_form)
    on_ack_then_later(app.action(ActionId.CHECKIN_EDIT.value), open_form)
    for action in CHECKIN_CONFIDENCE:
        on_ack_then_later(app.action(action.value), confidence)
    on_ack_then_later(app.view(CallbackId.CHECKIN_ANSWER_MODAL.value), submit)


def open_answer_form(
    client: WebClient,
    deps: Deps,
    *,
    team_id: str,
    user_id: str,
    channel_id: str,
    trigger_id: str,
    now: datetime,
    for_date: date | None = None,
    answer_id: str | None = None,
) -> None:
    """Opens the form for the person's open period in `channel_id` (also from `/checkin`)."""
    form = answerable.answer_form(
        deps.sessions,
        team_id=team_id,
        user_id=user_id,
        channel_id=channel_id,
        now=now,
        default_tz=deps.zone_of(team_id).key,
        for_date=for_date,
        anonymous_answer_id=answer_id,
    )
    meta = CheckinAnswerMeta(
        channel_id=channel_id,
        local_date=form.local_date.isoformat(),
        delivery_id=form.delivery_id,
        answer_id=form.anonymous_answer_id,
        objective_ids=[o.id for o in form.objectives[:MAX_OBJECTIVE_INPUTS]],
    )
    client.views_open(trigger_id=trigger_id, view=build_answer_modal(form, meta))


def _pressed(
    deps, client, respond, team_id, user_id, raw
) -> tuple[CheckinButtonValue, PromptRef] | None:
    """The pressed button's value and the prompt it belongs to; None once the person is told why not."""
    try:
        button = CheckinButtonValue.load(raw)
    except ValueError:
        tell(client, respond, user_id=user_id, text=STALE_BUTTON)
        return None
    try:
        prompt = answerable.prompt_of(deps.sessions, team_id=team_id, user_id=user_id, delivery_id=button.d)
    except ServiceError as error:
        tell(client, respond, user_id=user_id, text=describe_refusal(error))
        return None
    return button, prompt


def _open(deps, client, respond, team_id, user_id, raw, trigger_id, now) -> None:
    pressed = _pressed(deps, client, respond, team_id, user_id, raw)
    if pressed is None:
        return
    button, prompt = pressed
    try:
        open_answer_form(
            client,
            deps,
            team_id=team_id,
            user_id=user_id,
            channel_id=prompt.channel_id,
            trigger_id=trigger_id,
            now=now,
            for_date=prompt.local_date,
            answer_id=button.a,
        )
    except ServiceError as error:
        tell(client, respond, user_id=user_id, text=describe_refusal(error))


def _confidence(deps, client, respond, team_id, user_id, raw, level, now) -> None:
    pressed = _pressed(deps, client, respond, team_id, user_id, raw)
    if pressed is None:
        return
    _, prompt = pressed
    try:
        recorded = answers.record_answer(
            deps.sessions,
            team_id=team_id,
            user_id=user_id,
            channel_id=prompt.channel_id,
            answer=AnswerInput(confidence=level),
            source=AnswerSource.BUTTON,
            now=now,
            default_tz=deps.zone_of(team_id).key,
            for_date=prompt.local_date,
        )
    except ServiceError as error:
        tell(client, respond, user_id=user_id, text=describe_refusal(error))
        return
    show_answered(client, recorded, user_id=user_id)


def _button_value(body: dict) -> str | None:
    try:
        value = body["actions"][0].get("value")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return value if isinstance(value, str) else None
