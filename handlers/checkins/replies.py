"""A plain message typed in the DM with the bot while a check-in is open is that period's open-text
answer; `O3 82` in it records 82 on O3. The bot confirms in the message's thread.

Stored in the ack function (database only); the confirmation goes out after. Nothing here logs
who wrote (the check-in may be anonymous).

A second reply to an anonymous check-in is refused there (`AlreadyAnswered`): nothing stored links
the answer to its author. After the ack, the person's own prompt message is read from Slack and
its Edit button's answer id takes the reply into that answer, exactly as Edit would; when the
message cannot be read or carries no id, the refusal stands.
"""

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.checkins.replies import parse_reply
from bot.services.checkins import answerable, answers, home
from bot.services.checkins.read_models import AnswerInput, AnswerRecorded, AnswerSource, PromptRef
from bot.services.checkins.refusals import AlreadyAnswered
from bot.services.errors import ServiceError
from handlers.checkins.receipts import edit_button_of, show_answered
from handlers.deps import Deps, team_of
from handlers.later import later, on_ack_then_later
from handlers.views.checkin_notices import answer_receipt, nothing_open_text
from handlers.views.limits import MESSAGE_TEXT, fit_text
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)


def is_person_in_dm(event: dict) -> bool:
    """A person's own new message in a DM: no bot, no edits or joins (subtypes), no thread replies
    to the bot's confirmations counted twice."""
    return (
        event.get("channel_type") == "im"
        and not event.get("bot_id")
        and not event.get("subtype")
        and isinstance(event.get("user"), str)
        and isinstance(event.get("text"), str)
        and isinstance(event.get("channel"), str)
        and isinstance(event.get("ts"), str)
    )


def register(app, deps: Deps) -> None:
    def dm_reply(ack, event, context, now: datetime):
        if not is_person_in_dm(event):
            ack()
            return
        team_id, user_id = team_of(context), event["user"]
        channel, ts = event["channel"], event["ts"]
        reply = parse_reply(event["text"])
        answer = AnswerInput(numbers=reply.numbers, expectations=reply.text)
        outcome: AnswerRecorded | ServiceError | None = None
        checkin = answerable.channel_to_answer(
            deps.sessions, team_id=team_id, user_id=user_id, now=now, default_tz=deps.zone_of(team_id).key
        )
        if checkin is not None:
            outcome = _record(deps, team_id, user_id, checkin, answer, now)
        ack()

        def confirm(client: WebClient, _respond) -> None:
            final = outcome
            if isinstance(final, AlreadyAnswered):
                final = _into_anonymous_answer(client, deps, team_id, user_id, final, answer, now)
            _confirm(client, deps, team_id, user_id, channel, ts, final, now)

        later(context, confirm)

    # Every message event comes here (Bolt matches on type only); is_person_in_dm picks the answers.
    on_ack_then_later(app.event("message"), dm_reply)


def _record(
    deps: Deps,
    team_id: str,
    user_id: str,
    channel_id: str,
    answer: AnswerInput,
    now: datetime,
    *,
    prompt: PromptRef | None = None,
    anonymous_answer_id: str | None = None,
) -> AnswerRecorded | ServiceError:
    try:
        return answers.record_answer(
            deps.sessions,
            team_id=team_id,
            user_id=user_id,
            channel_id=channel_id,
            answer=answer,
            source=AnswerSource.REPLY,
            now=now,
            default_tz=deps.zone_of(team_id).key,
            anonymous_answer_id=anonymous_answer_id,
            for_date=prompt.local_date if prompt else None,
        )
    except ServiceError as error:
        return error


def _into_anonymous_answer(
    client: WebClient,
    deps: Deps,
    team_id: str,
    user_id: str,
    refused: AlreadyAnswered,
    answer: AnswerInput,
    now: datetime,
) -> AnswerRecorded | ServiceError:
    """The reply merged into the anonymous answer that the person's prompt's Edit button names."""
    try:
        answered = answerable.answered_prompt(
            deps.sessions,
            team_id=team_id,
            user_id=user_id,
            channel_id=refused.channel_id,
            now=now,
            default_tz=deps.zone_of(team_id).key,
        )
    except ServiceError as error:
        return error
    if answered is None:
        return refused
    button = edit_button_of(client, answered.message)
    # The button must be this prompt's: the id from any other would be refused anyway, but an
    # old prompt's answer id must never be offered for today's period.
    if button is None or button.a is None or button.d != answered.prompt.delivery_id:
        return refused
    return _record(
        deps,
        team_id,
        user_id,
        answered.prompt.channel_id,
        answer,
        now,
        prompt=answered.prompt,
        anonymous_answer_id=button.a,
    )


def _confirm(client: WebClient, deps: Deps, team_id, user_id, channel, ts, outcome, now: datetime) -> None:
    if isinstance(outcome, AnswerRecorded):
        text = answer_receipt(outcome)
        if outcome.prompt_message is not None:
            show_answered(client, outcome, user_id=user_id)
    elif isinstance(outcome, ServiceError):
        text = describe_refusal(outcome)
    else:
        found = home.home_checkins(
            deps.sessions, team_id=team_id, user_id=user_id, now=now, default_tz=deps.zone_of(team_id).key
        )
        # In the person's own zone, as their prompts are planned; the workspace's only without one.
        text = nothing_open_text(found.next.at if found.next else None, ZoneInfo(found.tz))
    try:
        client.chat_postMessage(channel=channel, thread_ts=ts, text=fit_text(text, MESSAGE_TEXT))
    except SlackApiError as error:
        logger.warning("could not confirm a DM reply: %s", error.response.get("error"))
