"""Driving the outbox's claims directly, as a sender would, for tests that need rows claimed or
recorded sent without posting through a tick."""

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.outbox import OutboxState
from bot.outbound.outbox import claims, rows
from bot.outbound.outbox.rows import Claim, Claimed, OutboxTable
from bot.outbound.outbox.tables import CHECKIN_DELIVERIES
from models.reports import ReportPost


def claim_all(
    sessions: sessionmaker[Session],
    table: OutboxTable,
    *,
    now: datetime,
    worker: str = "w",
    limit: int = 100,
    default_tz: str = "UTC",
) -> list[Claimed]:
    """What `worker` claims at `now`, every workspace's, up to `limit` per workspace."""
    return [
        claimed
        for team_id in rows.due_teams(sessions, table, now)
        for claimed in claims.claim_batch(
            sessions, table, team_id=team_id, worker=worker, now=now, limit=limit, default_tz=default_tz
        ).claimed
    ]


def claim_deliveries(
    sessions: sessionmaker[Session],
    *,
    now: datetime,
    worker: str = "w",
    limit: int = 100,
    default_tz: str = "UTC",
) -> list[Any]:
    """The check-in deliveries claimed (their DeliveryToSend)."""
    claimed = claim_all(
        sessions, CHECKIN_DELIVERIES, now=now, worker=worker, limit=limit, default_tz=default_tz
    )
    return [c.item for c in claimed]


def current_claim(sessions: sessionmaker[Session], table: OutboxTable, row_id: int) -> Claim:
    """The claim a row is held under now."""
    with sessions() as session:
        row = session.get_one(table.model, row_id)
        assert row.claimed_by is not None and row.claimed_at is not None, "the row is not claimed"
        return Claim(
            table,
            row.id,
            row.team_id,
            row.claimed_by,
            row.claimed_at,
            row.attempts,
            row.outcome_unknown_since,
        )


def mark_delivery_sent(
    sessions: sessionmaker[Session], delivery_id: int, *, channel: str, ts: str, now: datetime
) -> bool:
    """Records a claimed delivery sent under its current claim, as the sender would."""
    held = current_claim(sessions, CHECKIN_DELIVERIES, delivery_id)
    return rows.mark_sent(sessions, held, channel=channel, ts=ts, now=now)


def add_report_post(
    sessions: sessionmaker[Session],
    *,
    team_id: str = "T1",
    period: str = "2027-03",
    due_at: datetime,
    kind: str = "pick_one",  # any reminder: a one-message kind
    useful_until: datetime | None = None,
    claimed_by: str | None = None,
    claimed_at: datetime | None = None,
    state: OutboxState | None = None,
) -> int:
    """A report_posts row, the simplest outbox row; with `claimed_by`, held by that worker
    (`sending`, one attempt, since `claimed_at`) unless `state` says otherwise."""
    with sessions.begin() as session:
        post = ReportPost(
            team_id=team_id,
            channel_id="C1",
            kind=kind,
            period=period,
            due_at=due_at,
            useful_until=useful_until,
        )
        if claimed_by is not None:
            post.state, post.claimed_by, post.claimed_at, post.attempts = (
                OutboxState.SENDING,
                claimed_by,
                claimed_at,
                1,
            )
        if state is not None:
            post.state = state
        session.add(post)
        session.flush()
        return post.id
