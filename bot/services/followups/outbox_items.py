"""The follow-up outbox's loader (bot/outbound/outbox/tables.py): what a claimed follow-up message
needs to go out, and what else is written when it is recorded sent.

A follow-up's post goes to the channel's follow-up channel (or the check-in's channel); a reminder
goes to the owner's DM, else to the post's channel. A reminder of a follow-up closed since it was
planned is not wanted. The notice that it was closed goes to whoever flagged it (their DM); an
anonymous one's goes to the post's thread, which is read from the post's row (the notice's row names
nobody), and is not wanted if that post will never go out.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.outbox import NotWanted, OutboxState, Ready
from bot.services.followups.read_models import FollowupView, view_of
from models.followups import NOTICE_KEY, POST_KEY, FollowUp, FollowupMessage, FollowupSettings


@dataclass(frozen=True)
class FollowupMessageToSend:
    message_id: int
    team_id: str
    kind: str  # "post" | "reminder" | "notice"
    # Where it goes: a channel, or a user id for their DM (the owner's reminder, the flagger's
    # notice). An anonymous follow-up's notice goes to its post's thread (followup.post_channel/ts).
    channel: str
    followup: FollowupView


def messages_to_send(
    session: Session, rows: Sequence[FollowupMessage], now: datetime, zones: Mapping[str, str]
) -> list[Ready | NotWanted]:
    return [_to_send(session, message) for message in rows]


def record_reminded(session: Session, message: FollowupMessage) -> None:
    """A reminder is out: the follow-up was reminded of on that local date."""
    if message.key not in (POST_KEY, NOTICE_KEY):
        followup = session.get_one(FollowUp, message.follow_up_id)
        followup.last_reminded_on = date.fromisoformat(message.key)


def _to_send(session: Session, message: FollowupMessage) -> Ready | NotWanted:
    followup = session.get_one(FollowUp, message.follow_up_id)
    post = _post_of(session, followup)
    view = view_of(followup, post.message_channel if post else None, post.message_ts if post else None)
    if message.key == POST_KEY:
        where = session.scalar(
            select(FollowupSettings.post_channel_id).where(
                FollowupSettings.team_id == followup.team_id,
                FollowupSettings.channel_id == followup.channel_id,
            )
        )
        channel = where or followup.channel_id
        return Ready(
            message.id, "post", FollowupMessageToSend(message.id, message.team_id, "post", channel, view)
        )
    if message.key == NOTICE_KEY:
        return _notice(message, followup, post, view)
    if view.is_closed:  # closed between planning and sending (or a crash): no reminder needed
        return NotWanted(message.id, "closed")
    channel = followup.owner_id or (
        post.message_channel if post and post.message_channel else followup.channel_id
    )
    return Ready(
        message.id, "reminder", FollowupMessageToSend(message.id, message.team_id, "reminder", channel, view)
    )


def _notice(
    message: FollowupMessage, followup: FollowUp, post: FollowupMessage | None, view: FollowupView
) -> Ready | NotWanted:
    if followup.author_id is not None:
        to_send = FollowupMessageToSend(message.id, message.team_id, "notice", followup.author_id, view)
        return Ready(message.id, "notice", to_send)
    if post is None or post.state in (OutboxState.SKIPPED, OutboxState.FAILED):
        return NotWanted(message.id, "anonymous, and its post never went out: no thread to say it in")
    # Its post may not be out yet (it goes first, in the same pass): the kind asks again when it sends.
    channel = post.message_channel or followup.channel_id
    to_send = FollowupMessageToSend(message.id, message.team_id, "notice", channel, view)
    return Ready(message.id, "notice", to_send)


def _post_of(session: Session, followup: FollowUp) -> FollowupMessage | None:
    return session.scalar(
        select(FollowupMessage).where(
            FollowupMessage.team_id == followup.team_id,
            FollowupMessage.follow_up_id == followup.id,
            FollowupMessage.key == POST_KEY,
        )
    )
