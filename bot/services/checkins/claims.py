"""The tick's second half, for the sender: claim due outbox rows, then record what happened.

A claim marks rows `sending` with claimed_by/claimed_at. PostgreSQL: `SELECT … FOR UPDATE SKIP
LOCKED`, so concurrent senders take disjoint rows. SQLite has one writer at a time; the UPDATE
re-checks the state it selected, and only rows it changed are returned. A `sending` row whose claim
is older than `LEASE` (its sender died) may be claimed again, flagged `needs_reconcile`: the sender
looks for the delivery id in the DM's message metadata before posting again. A retried row is
flagged too: a timeout or a 5xx does not prove the message was not posted.

Rows no longer worth sending are skipped at claim time: the schedule is off, the period closed,
or (for a reminder) the prompt was answered.
"""

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import DeliveryState
from bot.services.checkins.claim_contents import contents_to_send
from bot.services.checkins.read_models import DeliveryToSend
from models.checkins import Delivery

LEASE = timedelta(minutes=2)
MAX_ERROR = 200


def claim_deliveries(
    sessions: sessionmaker[Session], *, worker: str, now: datetime, limit: int, default_tz: str
) -> list[DeliveryToSend]:
    """Up to `limit` rows to send now, oldest first, across workspaces; expired claims first."""
    with sessions.begin() as session:
        ids = _candidates(session, now, limit)
        if not ids:
            return []
        # Any earlier attempt may have posted: an expired claim (its sender died), and also a
        # retry, since a timeout or a 5xx can come after Slack took the message.
        stale = {
            d.id
            for d in session.scalars(select(Delivery).where(Delivery.id.in_(ids)))
            if d.state == DeliveryState.SENDING or d.attempts > 0
        }
        claimed = session.scalars(
            update(Delivery)
            .where(Delivery.id.in_(ids), _claimable(now))
            .values(
                state=DeliveryState.SENDING, claimed_by=worker, claimed_at=now, attempts=Delivery.attempts + 1
            )
            .returning(Delivery.id)
        ).all()
        rows = session.scalars(
            select(Delivery).where(Delivery.id.in_(claimed)).order_by(Delivery.scheduled_at, Delivery.id)
        )
        return contents_to_send(session, list(rows), stale, now, default_tz)


def mark_sent(
    sessions: sessionmaker[Session], *, team_id: str, delivery_id: int, channel: str, ts: str, now: datetime
) -> bool:
    """Records the posted message; False if it was already recorded (a reconciled duplicate claim)."""
    with sessions.begin() as session:
        result = session.execute(
            update(Delivery)
            .where(
                Delivery.team_id == team_id, Delivery.id == delivery_id, Delivery.state != DeliveryState.SENT
            )
            .values(
                state=DeliveryState.SENT, sent_at=now, message_channel=channel, message_ts=ts, last_error=None
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def mark_retry(
    sessions: sessionmaker[Session], *, team_id: str, delivery_id: int, not_before: datetime, error: str
) -> None:
    """Back to pending, not before `not_before` (Retry-After, or backoff after a 5xx or a timeout)."""
    _finish(sessions, team_id, delivery_id, state=DeliveryState.PENDING, not_before=not_before, error=error)


def mark_failed(sessions: sessionmaker[Session], *, team_id: str, delivery_id: int, error: str) -> None:
    """Slack refused for good (e.g. the person cannot be messaged): never retried."""
    _finish(sessions, team_id, delivery_id, state=DeliveryState.FAILED, not_before=None, error=error)


def _finish(
    sessions: sessionmaker[Session],
    team_id: str,
    delivery_id: int,
    *,
    state: DeliveryState,
    not_before: datetime | None,
    error: str,
) -> None:
    with sessions.begin() as session:
        session.execute(
            update(Delivery)
            .where(
                Delivery.team_id == team_id,
                Delivery.id == delivery_id,
                Delivery.state == DeliveryState.SENDING,
            )
            .values(
                state=state,
                not_before=not_before,
                last_error=error[:MAX_ERROR],
                claimed_by=None,
                claimed_at=None,
            )
        )


def _claimable(now: datetime) -> ColumnElement[bool]:
    pending = and_(
        Delivery.state == DeliveryState.PENDING,
        Delivery.scheduled_at <= now,
        or_(Delivery.not_before.is_(None), Delivery.not_before <= now),
    )
    expired = and_(Delivery.state == DeliveryState.SENDING, Delivery.claimed_at < now - LEASE)
    return or_(pending, expired)


def _candidates(session: Session, now: datetime, limit: int) -> list[int]:
    # Two index-friendly reads (state, scheduled_at) rather than one OR across states.
    ids: list[int] = []
    for state_filter in (
        and_(Delivery.state == DeliveryState.SENDING, Delivery.claimed_at < now - LEASE),
        and_(
            Delivery.state == DeliveryState.PENDING,
            Delivery.scheduled_at <= now,
            or_(Delivery.not_before.is_(None), Delivery.not_before <= now),
        ),
    ):
        if len(ids) >= limit:
            break
        query = (
            select(Delivery.id)
            .where(state_filter)
            .order_by(Delivery.scheduled_at, Delivery.id)
            .limit(limit - len(ids))
            .with_for_update(skip_locked=True)
        )
        ids.extend(session.scalars(query))
    return ids
