"""Follow-up posts and overdue reminders, recorded once before anything is sent.

`plan_followup_messages` records what is owed at `now` under the unique (follow-up, key) of
`follow_up_messages`: "post" for a follow-up not posted yet (and its due time, from the channel's
setting), the local date for an overdue one's daily reminder (the rule is
bot.domain.reports.followups.due_followup_reminders). `claim_followup_messages` hands each row to
one sender, the check-in outbox's way (bot/services/checkins/claims.py): PostgreSQL selects with
FOR UPDATE SKIP LOCKED, then a conditional UPDATE … RETURNING takes only rows still claimable. A row
left `sending` longer than LEASE (its sender died) is claimed again, and so is a retried one, with
`needs_reconcile`: the sender looks for the message's metadata in Slack before posting again.
followups_sending.py records the outcome.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Table, and_, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.reports.followups import DEFAULT_DUE_HOURS, Followup, due_at, due_followup_reminders
from bot.services.reports.followups_views import (
    FollowupView,
    latest_anonymous_date_to_post,
    opened_at,
    view_of,
)
from models.checkins import FollowUp
from models.followups import POST_KEY, FollowupMessage, FollowupSettings

_TABLE = cast(Table, FollowupMessage.__table__)
_OPEN = (FollowUpStatus.OPEN, FollowUpStatus.TAKEN)
PLAN_LIMIT = 1000
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class Planned:
    posts: int
    reminders: int


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


def plan_followup_messages(
    sessions: sessionmaker[Session], *, now: datetime, default_tz: ZoneInfo
) -> Planned:
    with sessions.begin() as session:
        posts = _plan_posts(session, now)
        reminders = _plan_reminders(session, now, str(default_tz))
    return Planned(posts, reminders)


def _plan_posts(session: Session, now: datetime) -> int:
    posted = exists().where(FollowupMessage.follow_up_id == FollowUp.id, FollowupMessage.key == POST_KEY)
    ready = or_(FollowUp.author_id.is_not(None), FollowUp.local_date <= latest_anonymous_date_to_post(now))
    query = (
        select(FollowUp, FollowupSettings.due_hours)
        .outerjoin(
            FollowupSettings,
            and_(
                FollowupSettings.team_id == FollowUp.team_id,
                FollowupSettings.channel_id == FollowUp.channel_id,
            ),
        )
        .where(FollowUp.status.in_(_OPEN), ready, ~posted)
        .order_by(FollowUp.id)
        .limit(PLAN_LIMIT)
    )
    rows = []
    for followup, hours in session.execute(query).all():
        followup.due_at = due_at(opened_at(followup), hours or DEFAULT_DUE_HOURS)
        rows.append(_row(followup, POST_KEY, now))
    return len(_insert_new(session, rows))


def _plan_reminders(session: Session, now: datetime, tz: str) -> int:
    # Only once its post is out: a reminder must never come before (or with) the post itself.
    posted = exists().where(
        FollowupMessage.follow_up_id == FollowUp.id,
        FollowupMessage.key == POST_KEY,
        FollowupMessage.state == "sent",
    )
    query = select(FollowUp).where(
        FollowUp.status.in_(_OPEN), FollowUp.due_at.is_not(None), FollowUp.due_at <= now, posted
    )
    overdue = {row.id: row for row in session.scalars(query.order_by(FollowUp.id).limit(PLAN_LIMIT))}
    rules = [_rule(row) for row in overdue.values()]
    rows = [
        _row(overdue[r.key.followup_id], r.key.local_date.isoformat(), now)
        for r in due_followup_reminders(rules, now, tz)
    ]
    return len(_insert_new(session, rows))


def _rule(row: FollowUp) -> Followup:
    opened = opened_at(row)
    assert row.due_at is not None
    hours = max(1, round((row.due_at - opened) / timedelta(hours=1)))
    return Followup(row.id, opened, due_hours=hours, owner_key=row.owner_id)


def _row(followup: FollowUp, key: str, now: datetime) -> dict[str, Any]:
    return {
        "team_id": followup.team_id,
        "follow_up_id": followup.id,
        "key": key,
        "state": "pending",
        "attempts": 0,
        "not_before": now,
    }


def _insert_new(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    if session.get_bind().dialect.name == "postgresql":
        statement: Any = postgresql.insert(_TABLE).on_conflict_do_nothing(
            constraint="uq_follow_up_messages_follow_up_id_key"
        )
    else:
        statement = sqlite.insert(_TABLE).on_conflict_do_nothing(index_elements=["follow_up_id", "key"])
    return [row.id for row in session.execute(statement.returning(_TABLE.c.id), rows).all()]


def claim_followup_messages(
    sessions: sessionmaker[Session], *, now: datetime, limit: int = 200
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
            .values(state="sending", claimed_at=now, attempts=FollowupMessage.attempts + 1)
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
