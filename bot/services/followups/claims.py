"""Claiming follow-up messages: each planned row goes to one sender, the check-in outbox's way
(bot/services/checkins/claims.py).

PostgreSQL selects with FOR UPDATE SKIP LOCKED, then a conditional UPDATE … RETURNING takes only
rows still claimable, recording which clock process claimed (`claimed_by`) and when. A row left
`sending` longer than LEASE (its sender died) is claimed again, and so is a retried one, with
`needs_reconcile`: the sender looks for the message's metadata in Slack before posting again.
followups_sending.py records the outcome.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.services.followups.read_models import FollowupView, view_of
from models.followups import POST_KEY, FollowUp, FollowupMessage, FollowupSettings

LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class FollowupMessageToSend:
    message_id: int
    team_id: str
    kind: str  # "post" | "reminder"
    channel: str  # where it goes: a channel, or the owner's user id for a DM
    followup: FollowupView
    # An earlier attempt may have posted it: look in Slack for it, posted after `since`, first.
    needs_reconcile: bool = False
    since: datetime | None = None


def claim_followup_messages(
    sessions: sessionmaker[Session], *, worker: str, now: datetime, limit: int = 200
) -> list[FollowupMessageToSend]:
    """Rows to send at `now`, each now `sending` and owned by this caller alone; expired claims first."""
    with sessions.begin() as session:
        candidates = (
            select(
                FollowupMessage.id,
                FollowupMessage.state,
                FollowupMessage.attempts,
                FollowupMessage.claimed_at,
            )
            .where(_claimable(now))
            .order_by(FollowupMessage.state.desc(), FollowupMessage.id)  # "sending" before "pending"
            .limit(limit)
        )
        if session.get_bind().dialect.name == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True)
        found = session.execute(candidates).all()
        if not found:
            return []
        # A timeout or a 5xx can come after Slack took the message: a retry looks first too.
        stale = {row.id: row.claimed_at for row in found if row.state == "sending" or row.attempts > 0}
        claimed = session.scalars(
            update(FollowupMessage)
            .where(FollowupMessage.id.in_([row.id for row in found]), _claimable(now))
            .values(state="sending", claimed_by=worker, claimed_at=now, attempts=FollowupMessage.attempts + 1)
            .returning(FollowupMessage.id)
        ).all()
        to_send = (_to_send(session, message_id, now, stale) for message_id in sorted(claimed))
        return [message for message in to_send if message is not None]


def _claimable(now: datetime) -> ColumnElement[bool]:
    pending = and_(FollowupMessage.state == "pending", FollowupMessage.not_before <= now)
    abandoned = and_(FollowupMessage.state == "sending", FollowupMessage.claimed_at < now - LEASE)
    return or_(pending, abandoned)


def _to_send(
    session: Session, message_id: int, now: datetime, stale: dict[int, datetime | None]
) -> FollowupMessageToSend | None:
    message = session.get_one(FollowupMessage, message_id)
    followup = session.get_one(FollowUp, message.follow_up_id)
    post = _post_of(session, followup)
    view = view_of(followup, post.channel if post else None, post.ts if post else None)
    if message.key == POST_KEY:
        where = session.scalar(
            select(FollowupSettings.post_channel_id).where(
                FollowupSettings.team_id == followup.team_id,
                FollowupSettings.channel_id == followup.channel_id,
            )
        )
        return FollowupMessageToSend(
            message.id,
            message.team_id,
            "post",
            where or followup.channel_id,
            view,
            *_again(stale, message.id),
        )
    if view.is_closed:  # closed between planning and sending (or a crash): no reminder needed
        message.state, message.last_error = "skipped", "closed"
        return None
    channel = followup.owner_id or (post.channel if post and post.channel else followup.channel_id)
    return FollowupMessageToSend(
        message.id, message.team_id, "reminder", channel, view, *_again(stale, message.id)
    )


def _again(stale: dict[int, datetime | None], message_id: int) -> tuple[bool, datetime | None]:
    return message_id in stale, stale.get(message_id)


def _post_of(session: Session, followup: FollowUp) -> FollowupMessage | None:
    return session.scalar(
        select(FollowupMessage).where(
            FollowupMessage.team_id == followup.team_id,
            FollowupMessage.follow_up_id == followup.id,
            FollowupMessage.key == POST_KEY,
        )
    )
