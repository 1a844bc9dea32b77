"""Claiming report posts to send, and recording what happened (the check-in outbox's pattern).

A claim marks a row `sending` (claimed_by/claimed_at, attempts + 1) with a conditional UPDATE, so
two senders never both get it; PostgreSQL selects with FOR UPDATE SKIP LOCKED first. A `sending`
row older than LEASE (its sender died between posting and recording) is claimed again with
`needs_reconcile`: the sender looks for the row id in the channel's message metadata first, and so
does a retry (a timeout or a 5xx can come after Slack took the message).

A digest is a parent message then its parts (thread replies, the chart). The parent's ts is
recorded the moment it is out (`record_parent`) and each part as it goes (`record_parts`), all while
the row stays `sending`; a failure after the parent leaves the row to retry with its ts and count,
so the next attempt posts only the parts still missing. Progress is recorded only under the claim
that made it: a sender whose claim was taken over stops.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.services.reports.planning import FAILED, PENDING, SENDING, SENT, SKIPPED
from models.reports import ReportPost

LEASE = timedelta(minutes=2)
MAX_ERROR = 200


@dataclass(frozen=True)
class PostToSend:
    post_id: int
    team_id: str
    channel_id: str
    kind: str
    period: str
    due_at: datetime
    needs_reconcile: bool
    claimed_by: str
    claimed_at: datetime
    message_ts: str | None = None  # a digest's parent, already out
    parts_sent: int = 0  # the digest's parts already out after it
    attempts: int = 1  # this one included
    useful_until: datetime | None = None  # not worth starting at or after this


def claim_posts(
    sessions: sessionmaker[Session], *, worker: str, now: datetime, limit: int
) -> list[PostToSend]:
    with sessions.begin() as session:
        candidates = (
            select(ReportPost.id, ReportPost.state, ReportPost.attempts)
            .where(_claimable(now))
            .order_by(ReportPost.due_at)
        )
        if session.get_bind().dialect.name == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True)
        found = session.execute(candidates.limit(limit)).all()
        if not found:
            return []
        stale = {row.id for row in found if row.state == SENDING or row.attempts > 0}
        claimed = set(
            session.scalars(
                update(ReportPost)
                .where(ReportPost.id.in_([row.id for row in found]), _claimable(now))
                .values(state=SENDING, claimed_by=worker, claimed_at=now, attempts=ReportPost.attempts + 1)
                .returning(ReportPost.id)
            )
        )
        rows = session.scalars(
            select(ReportPost).where(ReportPost.id.in_(claimed)).order_by(ReportPost.due_at)
        )
        return [
            PostToSend(
                r.id,
                r.team_id,
                r.channel_id,
                r.kind,
                r.period,
                r.due_at,
                r.id in stale,
                claimed_by=worker,
                claimed_at=now,
                message_ts=r.message_ts,
                parts_sent=r.parts_sent,
                attempts=r.attempts,
                useful_until=r.useful_until,
            )
            for r in rows
        ]


def _claimable(now: datetime):
    pending = and_(
        ReportPost.state == PENDING,
        ReportPost.due_at <= now,
        or_(ReportPost.not_before.is_(None), ReportPost.not_before <= now),
    )
    abandoned = and_(ReportPost.state == SENDING, ReportPost.claimed_at < now - LEASE)
    return or_(pending, abandoned)


def mark_sent(
    sessions: sessionmaker[Session], post: PostToSend, *, ts: str, thread_ts: str | None, now: datetime
) -> None:
    _finish(sessions, post, state=SENT, sent_at=now, message_ts=ts, thread_ts=thread_ts, last_error=None)


def record_parent(sessions: sessionmaker[Session], post: PostToSend, *, ts: str) -> bool:
    """The digest's parent is out; False when this claim no longer holds the row."""
    return _progress(sessions, post, message_ts=ts, thread_ts=ts)


def record_parts(sessions: sessionmaker[Session], post: PostToSend, *, parts_sent: int) -> bool:
    """The digest's first `parts_sent` parts are out; False when this claim no longer holds the row."""
    return _progress(sessions, post, parts_sent=parts_sent)


def mark_retry(
    sessions: sessionmaker[Session], post: PostToSend, *, not_before: datetime, error: str
) -> None:
    _finish(sessions, post, state=PENDING, not_before=not_before, last_error=error[:MAX_ERROR])


def mark_failed(sessions: sessionmaker[Session], post: PostToSend, *, error: str) -> None:
    _finish(sessions, post, state=FAILED, last_error=error[:MAX_ERROR])


def mark_skipped(sessions: sessionmaker[Session], post: PostToSend, *, reason: str) -> None:
    _finish(sessions, post, state=SKIPPED, last_error=reason[:MAX_ERROR])


def _finish(sessions: sessionmaker[Session], post: PostToSend, **values) -> None:
    _progress(sessions, post, **values)


def _progress(sessions: sessionmaker[Session], post: PostToSend, **values) -> bool:
    # Only under this claim: once another sender took the row over (the lease ran out), the slower
    # one's outcome must not undo the other's.
    with sessions.begin() as session:
        changed = session.scalars(
            update(ReportPost)
            .where(
                ReportPost.team_id == post.team_id,
                ReportPost.id == post.post_id,
                ReportPost.state == SENDING,
                ReportPost.claimed_by == post.claimed_by,
                ReportPost.claimed_at == post.claimed_at,
            )
            .values(**values)
            .returning(ReportPost.id)
        ).all()
        return bool(changed)


def post_state(sessions: sessionmaker[Session], post: PostToSend) -> str | None:
    with sessions() as session:
        return session.scalar(
            select(ReportPost.state).where(ReportPost.team_id == post.team_id, ReportPost.id == post.post_id)
        )
