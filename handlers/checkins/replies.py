"""A plain message typed in the DM with the bot while a check-in is open is that period's open-text
answer; `O3 82` in it records 82 on O3. The bot confirms in the message's thread.

Stored in the ack function (database only); the confirmation goes out after. Nothing here logs
who wrote (the check-in may be anonymous).
"""

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.checkins.replies import parse_reply
from bot.services.checkins import answer_forms, answers, home
from bot.services.checkins.views import AnswerInput, AnswerRecorded, AnswerSource
from bot.services.errors import ServiceError
from handlers.checkins.receipts import show_answered
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
        outcome: AnswerRecorded | ServiceError | None
        checkin = answer_forms.channel_to_answer(
            deps.sessions, team_id=team_id, user_id=user_id, now=now, default_tz=deps.timezone.key
        )
        if checkin is None:
            outcome = None
        else:
            reply = parse_reply(event["text"])
            try:
                outcome = answers.record_answer(
                    deps.sessions,
                    team_id=team_id,
                    user_id=user_id,
                    channel_id=checkin,
                    answer=AnswerInput(numbers=reply.numbers, expectations=reply.text),
                    source=AnswerSource.REPLY,
                    now=now,
                    default_tz=deps.timezone.key,
                )
            except ServiceError as error:
                outcome = error
        ack()
        later(context, lambda client, _: _confirm(client, deps, team_id, user_id, channel, ts, outcome, now))

    # Every message event comes here (Bolt matches on type only); is_person_in_dm picks the answers.
    on_ack_then_later(app.event("message"), dm_reply)


def _confirm(client: WebClient, deps: Deps, team_id, user_id, channel, ts, outcome, now: datetime) -> None:
    if isinstance(outcome, AnswerRecorded):
        text = answer_receipt(outcome)
        if outcome.prompt_message is not None:
            show_answered(client, outcome, user_id=user_id)
    elif isinstance(outcome, ServiceError):
        text = describe_refusal(outcome)
    else:
        upcoming = home.home_checkins(
            deps.sessions, team_id=team_id, user_id=user_id, now=now, default_tz=deps.timezone.key
        ).next
        text = nothing_open_text(upcoming.at if upcoming else None, deps.timezone)
    try:
        client.chat_postMessage(channel=channel, thread_ts=ts, text=fit_text(text, MESSAGE_TEXT))
    except SlackApiError as error:
        logger.warning("could not confirm a DM reply: %s", error.response.get("error"))
