"""What became of a claimed follow-up message: sent (with its ts), to retry later, or failed for good.

Only a row still `sending` changes (a sent one stays sent): when a claim outlived its lease and a
second sender took the row over, the slower one's outcome must not undo the other's.
"""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.followups import POST_KEY, FollowUp, FollowupMessage

RETRY_AFTER = timedelta(minutes=1)


def mark_sent(
    sessions: sessionmaker[Session], *, team_id: str, message_id: int, channel: str, ts: str, now: datetime
) -> None:
    with sessions.begin() as session:
        message = _message(session, team_id, message_id)
        if message is None or message.state == "sent":
            return
        message.state, message.channel, message.ts, message.sent_at = "sent", channel, ts, now
        if message.key != POST_KEY:
            followup = session.get_one(FollowUp, message.follow_up_id)
            followup.last_reminded_on = datetime.fromisoformat(message.key).date()


def mark_retry(
    sessions: sessionmaker[Session], *, team_id: str, message_id: int, error: str, now: datetime
) -> None:
    with sessions.begin() as session:
        message = _message(session, team_id, message_id)
        if message is None or message.state != "sending":
            return
        message.state, message.last_error = "pending", error[:200]
        message.not_before = now + RETRY_AFTER * message.attempts


def mark_failed(sessions: sessionmaker[Session], *, team_id: str, message_id: int, error: str) -> None:
    with sessions.begin() as session:
        message = _message(session, team_id, message_id)
        if message is None or message.state != "sending":
            return
        message.state, message.last_error = "failed", error[:200]


def _message(session: Session, team_id: str, message_id: int) -> FollowupMessage | None:
    return session.scalars(
        select(FollowupMessage)
        .where(FollowupMessage.team_id == team_id, FollowupMessage.id == message_id)
        .with_for_update()
    ).one_or_none()
